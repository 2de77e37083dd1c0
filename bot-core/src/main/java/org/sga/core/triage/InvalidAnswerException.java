package org.sga.core.triage;

import java.util.List;

/** An answer the triage refuses: an unknown question, a question not asked, or a value outside its list. */
public final class InvalidAnswerException extends RuntimeException {

    private final String questionId;
    private final List<String> allowedValues;

    InvalidAnswerException(String questionId, List<String> allowedValues, String message) {
        super(message);
        this.questionId = questionId;
        this.allowedValues = List.copyOf(allowedValues);
    }

    public String questionId() {
        return questionId;
    }

    /** The values the question accepts; empty when the question is unknown or not asked. */
    public List<String> allowedValues() {
        return allowedValues;
    }
}
