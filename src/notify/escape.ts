/**
 * Escaping of API text (names, emails, messages) for each chat format, so that text from the
 * Instantly workspace can neither mention or ping people nor inject markup or links. Our own
 * markup (bold headline, links to the issue and the run) is added around the escaped text.
 */

/** A broadcast word after an `@` that does not follow a word (so `x@here.com` stays an email). */
const BROADCAST = /(^|[^\w.+-])@(channel|here|everyone|all|group)\b/gi;
/** U+2024 ONE DOT LEADER is not used; a visible full-width at sign keeps the word readable. */
const SAFE_AT = '\uFF20';

/**
 * Slack mrkdwn: `&`, `<` and `>` are the three characters Slack asks apps to escape (they start
 * `<!here>`, `<@U…>` and `<url|text>`); broadcast words lose their `@` so no client highlights
 * them, and the text stays on one line.
 */
export function slackText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(BROADCAST, `$1${SAFE_AT}$2`);
}

/** Slack inline code for a name: backticks cannot be escaped inside, so they are replaced. */
export function slackCode(text: string): string {
  return `\`${slackText(text).replace(/`/g, "'")}\``;
}

/**
 * Discord markdown: every markdown character is backslash-escaped (Discord honours `\` before
 * punctuation), `@everyone`/`@here` lose their `@`, and `<@id>`, `<#id>`, `<@&id>` cannot form
 * because `<` is escaped. The message also sets `allowed_mentions: {parse: []}`.
 */
export function discordText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\*_~`|>#<[\]()\-:@!]/g, (c) => `\\${c}`)
    .replace(/\\@(everyone|here)\b/gi, `${SAFE_AT}$1`);
}

/**
 * Adaptive Card TextBlocks render a markdown subset and no HTML. Markdown characters are
 * backslash-escaped; angle brackets become look-alikes so no client that does read HTML (a mail
 * or a connector preview) sees a tag. Teams mentions need `msteams.entities`, which we never send.
 */
export function teamsText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\*_~`#[\]()\-!]/g, (c) => `\\${c}`)
    .replace(/</g, '\u2039')
    .replace(/>/g, '\u203A');
}
