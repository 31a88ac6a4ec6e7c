package org.releasegate.policy;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.releasegate.schedule.TimeZones;

/** The whole policy: its zone and its products, in the order the admin wrote them. */
public final class ReleasePolicy {
    private final ZoneId zone;
    private final Map<String, ProductPolicy> products;

    public ReleasePolicy(ZoneId zone, List<ProductPolicy> products) {
        this.zone = Objects.requireNonNull(zone, "zone");
        Map<String, ProductPolicy> byName = new LinkedHashMap<>();
        for (ProductPolicy p : products) {
            if (byName.putIfAbsent(p.getName(), p) != null) {
                throw new PolicyException("Product \"" + p.getName() + "\" is defined twice: give each product one entry");
            }
        }
        this.products = byName;
    }

    /** One product with the seed's defaults, for callers that name none. */
    public static ReleasePolicy singleProduct(String name) {
        return new ReleasePolicy(TimeZones.DEFAULT, List.of(ProductPolicy.builder(name).build()));
    }

    public ZoneId getZone() {
        return zone;
    }

    public List<ProductPolicy> getProducts() {
        return List.copyOf(products.values());
    }

    public List<String> getProductNames() {
        return new ArrayList<>(products.keySet());
    }

    /** @throws UnknownProductException naming the known products */
    public ProductPolicy product(String name) {
        ProductPolicy p = products.get(name == null ? "" : name.trim());
        if (p == null) {
            throw new UnknownProductException(name, getProductNames());
        }
        return p;
    }

    /**
     * The product a caller meant: the named one, or the only one when the policy has one.
     *
     * @throws PolicyException when no name is given and the policy has several (or none)
     */
    public ProductPolicy productOrOnly(String name) {
        if (name != null && !name.isBlank()) {
            return product(name);
        }
        if (products.size() == 1) {
            return products.values().iterator().next();
        }
        throw new PolicyException(products.isEmpty()
                ? "The policy defines no product: add one under products"
                : "The policy defines several products (" + String.join(", ", products.keySet())
                        + "): name the product");
    }
}
