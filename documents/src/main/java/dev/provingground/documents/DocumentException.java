package dev.provingground.documents;

import java.util.List;
import java.util.stream.Collectors;

/** A document that is not what its schema or its record allows, with every problem found. */
public final class DocumentException extends RuntimeException {

    private final transient List<DocumentProblem> problems;

    public DocumentException(List<DocumentProblem> problems) {
        this(problems, null);
    }

    /** @param cause what refused the document when it was not the schema, e.g. a record's constructor */
    public DocumentException(List<DocumentProblem> problems, Throwable cause) {
        super(problems.stream().map(DocumentProblem::toString).collect(Collectors.joining("; ")), cause);
        if (problems.isEmpty()) throw new IllegalArgumentException("a refused document has at least one problem");
        this.problems = List.copyOf(problems);
    }

    public List<DocumentProblem> problems() {
        return problems;
    }
}
