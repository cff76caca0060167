/** A raw-socket HTTP/1.1 server on loopback addresses for tests: scripted routes, byte-level faults, a request log and per-host concurrency stats. */
@NullMarked
package io.linkshelf.testing;

import org.jspecify.annotations.NullMarked;
