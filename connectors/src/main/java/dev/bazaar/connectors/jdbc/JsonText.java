package dev.bazaar.connectors.jdbc;

/** JSON text (an object, an array, or the whole value), as opposed to a string value that happens to hold JSON. */
record JsonText(String json) {
}
