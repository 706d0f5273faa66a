import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Notes are stored as the Markdown the author wrote and rendered here on every read. Two layers,
// so one mistake does not open the app to script: markdown-it with `html: false` escapes raw HTML
// and refuses javascript:/vbscript:/data: link targets, then sanitize-html keeps only the tags
// and attributes below (no event handlers, no style, no images) and only http(s)/mailto links.

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    's',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel', 'target'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Links leave the app in a new tab without giving the target a handle on this window.
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', {
      rel: 'noopener noreferrer nofollow',
      target: '_blank',
    }),
  },
};

/** Markdown → HTML that is safe to insert into the page (no script, handlers or unsafe links). */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(md.render(source), OPTIONS);
}
