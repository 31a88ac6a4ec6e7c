package org.releasegate.policy;

import java.util.List;

/** A product name the policy does not define. */
public class UnknownProductException extends PolicyException {
    private static final long serialVersionUID = 1L;

    private final String product;

    public UnknownProductException(String product, List<String> known) {
        super(known.isEmpty()
                ? "Unknown product \"" + product + "\": the policy defines no product yet; add one under products"
                : "Unknown product \"" + product + "\": the policy defines " + String.join(", ", known)
                        + "; use one of those, or add \"" + product + "\" under products");
        this.product = product;
    }

    public String getProduct() {
        return product;
    }
}
