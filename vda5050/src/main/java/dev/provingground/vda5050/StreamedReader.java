package dev.provingground.vda5050;

import java.io.IOException;

/** Reads one record from the object the parser of {@code fields} has just entered. */
@FunctionalInterface
interface StreamedReader<T> {

    T read(StreamedFields fields) throws IOException;
}
