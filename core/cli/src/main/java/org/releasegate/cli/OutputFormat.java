package org.releasegate.cli;

/** What check and windows print: the words people read, or JSON for scripts and bots. */
enum OutputFormat {
    TEXT,
    JSON
}
