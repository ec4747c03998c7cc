package cn.gov.zhuzhou.duban.common.error;

import java.util.List;

/** Input that passed the shape checks but breaks a rule; names the offending field. */
public class InvalidRequestException extends DomainException {

    public InvalidRequestException(String field, String message) {
        super(ProblemKind.VALIDATION, message, List.of(new Problem.Violation(field, message)));
    }
}
