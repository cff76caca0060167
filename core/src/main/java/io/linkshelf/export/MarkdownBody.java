package io.linkshelf.export;

import com.vladsch.flexmark.html2md.converter.ExtensionConversion;
import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.MutableDataSet;

/**
 * The mirror's body HTML as CommonMark with GFM tables, by flexmark-java's HTML-to-Markdown converter: ATX headings,
 * fenced code with the language the extractor found, images and links as written by the renderer (relative ones
 * for archived copies). Markup CommonMark has no syntax for (sub, sup, ins) becomes its text; nothing unknown is
 * passed through as HTML.
 */
final class MarkdownBody {

    /** One converter per thread: notes are converted on several threads, and the converter promises nothing about that. */
    private static final ThreadLocal<FlexmarkHtmlConverter> CONVERTER = ThreadLocal.withInitial(() -> FlexmarkHtmlConverter.builder(new MutableDataSet()
            .set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false)
            .set(FlexmarkHtmlConverter.OUTPUT_UNKNOWN_TAGS, false)
            .set(FlexmarkHtmlConverter.OUTPUT_ATTRIBUTES_ID, false)
            .set(FlexmarkHtmlConverter.RENDER_COMMENTS, false)
            .set(FlexmarkHtmlConverter.TYPOGRAPHIC_QUOTES, false)
            .set(FlexmarkHtmlConverter.TYPOGRAPHIC_SMARTS, false)
            .set(FlexmarkHtmlConverter.EXT_INLINE_SUB, ExtensionConversion.TEXT)
            .set(FlexmarkHtmlConverter.EXT_INLINE_SUP, ExtensionConversion.TEXT)
            .set(FlexmarkHtmlConverter.EXT_INLINE_INS, ExtensionConversion.TEXT)
            .set(FlexmarkHtmlConverter.EXT_MATH, ExtensionConversion.TEXT)
            .toImmutable()).build());

    private MarkdownBody() {}

    static String of(String html) {
        return CONVERTER.get().convert(html).strip() + "\n";
    }
}
