package dev.bazaar.client;

/** A request parameter that cannot be served: which one, and why; answered as 400 problem JSON naming it. */
public final class InvalidParameterException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String parameter;
    private final String reason;

    public InvalidParameterException(String parameter, String reason) {
        super("parameter '" + parameter + "' " + reason);
        this.parameter = parameter;
        this.reason = reason;
    }

    /** The name of the parameter as the request carries it ({@code q}, {@code page}, ...). */
    public String parameter() {
        return parameter;
    }

    public String reason() {
        return reason;
    }
}
