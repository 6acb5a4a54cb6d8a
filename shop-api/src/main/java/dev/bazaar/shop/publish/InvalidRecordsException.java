package dev.bazaar.shop.publish;

import java.util.List;

/** The request held records that break their schema; none of them was sent. */
public final class InvalidRecordsException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient List<FieldError> errors;

    public InvalidRecordsException(List<FieldError> errors) {
        super(errors.size() + " schema violation(s), nothing was published");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
