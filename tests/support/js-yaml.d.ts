/** js-yaml 4 ships no types; the fake Open Zaak only parses the spec files with it. */
declare module 'js-yaml' {
  export function load(text: string): unknown;
}
