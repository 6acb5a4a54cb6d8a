package dev.bazaar.search.node;

/**
 * A search node setting from the environment that cannot be used; the message names the variable,
 * the value and why, so that the launcher's log tells the operator what to fix.
 */
public final class SearchNodeConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String variable;

    public SearchNodeConfigException(String variable, String value, String why) {
        super(variable + "=" + (value == null ? "<unset>" : "'" + value + "'") + " is invalid: " + why);
        this.variable = variable;
    }

    /** The environment variable that is wrong. */
    public String variable() {
        return variable;
    }
}
