// French elision where a name follows « de » or « que »: « Demande d’Atelier Martin », « Demande de Peugeot ».

/** A vowel or an h (mute in most names and words): the preposition before it loses its e. */
const ELIDES = /^[aàâäeéèêëiîïoôöuùûüyÿœæh]/i;

/** « de » followed by the value, elided before a vowel sound: `{{company, de}}` in the French messages. */
export function de(value: unknown): string {
  const text = String(value ?? '');
  return ELIDES.test(text.trim()) ? `d’${text.trim()}` : `de ${text}`;
}
