package dev.provingground.vda5050;

/**
 * A view of part of a character buffer as a {@link CharSequence}, moved along as a parser passes its string values:
 * timestamps and enum names are read where the parser holds them instead of being copied into a string first.
 * Valid only until the parser moves on.
 */
final class CharWindow implements CharSequence {

    private static final char[] NONE = {};

    private char[] chars = NONE;
    private int offset;
    private int length;

    CharWindow show(char[] buffer, int from, int count) {
        chars = buffer;
        offset = from;
        length = count;
        return this;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return chars[offset + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().substring(start, end);
    }

    @Override
    public String toString() {
        return new String(chars, offset, length);
    }
}
