/**
 * linkshelf's grep and text store as MapReduce jobs over the archive's WARC files, read with warc-hadoop's
 * {@code WARCInputFormat}: for archives kept on a Hadoop file system. The jobs reuse the archive, extract and
 * search code of the command line tool, so their output is the tool's, byte for byte.
 */
@NullMarked
package io.linkshelf.hadoop;

import org.jspecify.annotations.NullMarked;
