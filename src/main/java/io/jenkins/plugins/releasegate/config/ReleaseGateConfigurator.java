package io.jenkins.plugins.releasegate.config;

import hudson.Extension;
import io.jenkins.plugins.casc.Attribute;
import io.jenkins.plugins.casc.BaseConfigurator;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.Configurator;
import io.jenkins.plugins.casc.ConfiguratorException;
import io.jenkins.plugins.casc.UnknownAttributesException;
import io.jenkins.plugins.casc.model.CNode;
import io.jenkins.plugins.casc.model.Mapping;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.policy.PolicyException;

/**
 * Configuration as Code for {@code unclassified: releaseGate:}, as one block. JCasC's own configurator for a global
 * configuration calls the setters one by one, in no set order, and shows only "Failed to set attribute" for a value core
 * refuses. This one reads every value first, checks the zone and products together once (also in the dry run JCasC
 * makes before applying anything), refuses with core's message, and only then applies the block as one change.
 *
 * <p>The attributes are still found by introspection ({@code @DataBoundSetter} with a getter), so a setting added to
 * {@link ReleaseGateConfiguration} is read, exported and applied here without a change. Export keeps JCasC's own path
 * (it describes each global configuration with its descriptor configurator): only reading goes through this class.
 *
 * <p>Optional: without the configuration-as-code plugin this class cannot be loaded, and Jenkins leaves it out quietly.
 */
@Extension(optional = true)
@Restricted(NoExternalUse.class)
@SuppressWarnings("deprecation") // Extension.optional: the variant plugin's replacement would be one more dependency
public final class ReleaseGateConfigurator extends BaseConfigurator<ReleaseGateConfiguration> {
    static final String TIME_ZONE = "timeZone";
    static final String PRODUCTS = "products";

    @Override
    public Class<ReleaseGateConfiguration> getTarget() {
        return ReleaseGateConfiguration.class;
    }

    @Override
    protected ReleaseGateConfiguration instance(Mapping mapping, ConfigurationContext context) {
        return ReleaseGateConfiguration.get();
    }

    @Override
    protected void configure(Mapping config, ReleaseGateConfiguration instance, boolean dryrun,
            ConfigurationContext context) throws ConfiguratorException {
        Map<Attribute<ReleaseGateConfiguration, ?>, Object> values = read(config, dryrun, context);
        handleUnknown(config, context);
        try {
            instance.check((String) valueOf(values, TIME_ZONE), products(valueOf(values, PRODUCTS)));
        } catch (PolicyException e) {
            throw new ConfiguratorException(this, e.getMessage(), e);
        }
        if (!dryrun) {
            apply(instance, values);
        }
    }

    /** Each value the block gives, built as JCasC builds it (products are new objects: reading changes nothing). */
    private Map<Attribute<ReleaseGateConfiguration, ?>, Object> read(Mapping config, boolean dryrun,
            ConfigurationContext context) throws ConfiguratorException {
        Map<Attribute<ReleaseGateConfiguration, ?>, Object> values = new LinkedHashMap<>();
        for (Attribute<ReleaseGateConfiguration, ?> attribute : describe()) {
            CNode node = remove(config, attribute.getName());
            if (node == null) {
                continue; // left out: keeps its stored value
            }
            Configurator<?> configurator = context.lookupOrFail(attribute.getType());
            try {
                if (attribute.isMultiple()) {
                    List<Object> list = new ArrayList<>();
                    for (CNode item : node.asSequence()) {
                        list.add(dryrun ? configurator.check(item, context) : configurator.configure(item, context));
                    }
                    values.put(attribute, list);
                } else {
                    values.put(attribute, dryrun ? configurator.check(node, context)
                            : configurator.configure(node, context));
                }
            } catch (UnknownAttributesException e) {
                throw e;
            } catch (ConfiguratorException e) {
                throw ConfiguratorException.from(node, configurator, attribute.getName(),
                        "Failed to configure '" + attribute.getName() + "': " + e.getErrorMessage(), e.getCause());
            }
        }
        return values;
    }

    /** Sets every value as one change; if a setter refuses, what was set is put back and nothing is saved. */
    private void apply(ReleaseGateConfiguration instance, Map<Attribute<ReleaseGateConfiguration, ?>, Object> values)
            throws ConfiguratorException {
        try {
            instance.update(config -> {
                Map<Attribute<ReleaseGateConfiguration, ?>, Object> before = new LinkedHashMap<>();
                try {
                    for (Map.Entry<Attribute<ReleaseGateConfiguration, ?>, Object> e : checkedLast(values)) {
                        before.put(e.getKey(), e.getKey().getValue(config));
                        set(e.getKey(), config, e.getValue());
                    }
                } catch (Exception e) {
                    Throwable cause = e instanceof InvocationTargetException i && i.getCause() != null
                            ? i.getCause() : e;
                    ConfiguratorException refused = new ConfiguratorException(this, cause.getMessage(), cause);
                    putBack(before, config, refused);
                    throw refused;
                }
            });
        } catch (IOException e) {
            throw new ConfiguratorException(this, "Could not save the Release Gate configuration: " + e.getMessage(),
                    e);
        }
    }

    /**
     * The zone and products were checked together, so their setters cannot refuse: they go last, and a setting that
     * does refuse (one added later, with a check of its own) finds nothing of theirs to put back.
     */
    private static List<Map.Entry<Attribute<ReleaseGateConfiguration, ?>, Object>> checkedLast(
            Map<Attribute<ReleaseGateConfiguration, ?>, Object> values) {
        List<Map.Entry<Attribute<ReleaseGateConfiguration, ?>, Object>> order = new ArrayList<>(values.entrySet());
        order.sort(Comparator.comparing(e -> isChecked(e.getKey())));
        return order;
    }

    private static boolean isChecked(Attribute<ReleaseGateConfiguration, ?> attribute) {
        return attribute.getName().equals(TIME_ZONE) || attribute.getName().equals(PRODUCTS);
    }

    /** Puts back the values a block had set before one of its setters refused; newest first. */
    private static void putBack(Map<Attribute<ReleaseGateConfiguration, ?>, Object> before,
            ReleaseGateConfiguration config, Exception refused) {
        List<Map.Entry<Attribute<ReleaseGateConfiguration, ?>, Object>> set = new ArrayList<>(before.entrySet());
        for (int i = set.size() - 1; i >= 0; i--) {
            try {
                set(set.get(i).getKey(), config, set.get(i).getValue());
            } catch (Exception e) {
                refused.addSuppressed(e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void set(Attribute<ReleaseGateConfiguration, ?> attribute, ReleaseGateConfiguration config,
            Object value) throws Exception {
        ((Attribute<ReleaseGateConfiguration, Object>) attribute).setValue(config, value);
    }

    private static Object valueOf(Map<Attribute<ReleaseGateConfiguration, ?>, Object> values, String name) {
        return values.entrySet().stream().filter(e -> e.getKey().getName().equals(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static List<ProductConfig> products(Object value) {
        if (value == null) {
            return null;
        }
        List<ProductConfig> products = new ArrayList<>();
        for (Object item : (List<?>) value) {
            products.add((ProductConfig) item);
        }
        return products;
    }

    /** JCasC's names are case-insensitive. */
    private static CNode remove(Mapping config, String name) {
        for (String key : config.keySet()) {
            if (key.equalsIgnoreCase(name)) {
                return config.remove(key);
            }
        }
        return null;
    }
}
