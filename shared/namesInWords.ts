/** People's names in a sentence: "Mary", "Mary and Joe", "Ann, Mary and Joe". */
export const namesInWords = (names: readonly string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
