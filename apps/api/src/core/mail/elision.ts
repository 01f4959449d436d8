// French elision where a name follows « de »: « la demande d’Atelier Martin », « la demande de Peugeot ».

/** A vowel or an h (mute in most names): the preposition before it loses its e. */
const ELIDES = /^[aàâäeéèêëiîïoôöuùûüyÿœæh]/i;

/** « de » before `text` (which may open with HTML tags: « d’<strong>Atelier</strong> »), elided before a vowel sound. */
export function de(text: string): string {
  const opening = /^(\s*(?:<[^>]*>\s*)*)/.exec(text)?.[1] ?? '';
  return ELIDES.test(text.slice(opening.length)) ? `d’${text.trimStart()}` : `de ${text.trimStart()}`;
}

/** What a Mustache view needs for `{{#de}}{{network}}{{/de}}` in French templates (mails, digests). */
export const ELISION_LAMBDAS = {
  de: () => (text: string, render: (template: string) => string) => de(render(text)),
};
