package dev.lanyard.rest;

/**
 * A page of a list answer, from the {@code page} (from 0) and {@code size} query parameters every Lanyard list
 * takes: {@value #DEFAULT_SIZE} a page unless asked, at most {@value #MAX_SIZE}; anything else is 400.
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public static Paging of(String page, String size) {
        return new Paging(QueryParams.integer(page, "page", 0, 0, Integer.MAX_VALUE / MAX_SIZE),
                QueryParams.integer(size, "size", DEFAULT_SIZE, 1, MAX_SIZE));
    }

    /** The index of the page's first entry. */
    public int first() {
        return page * size;
    }
}
