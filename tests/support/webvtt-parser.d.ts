/** The W3C validator's WebVTT parser (webvtt-parser), which ships no types: the part the tests use. */
declare module 'webvtt-parser' {
  export interface WebVttNode {
    type: 'text' | 'object';
    name?: string;
    value?: string;
    children?: WebVttNode[];
  }
  export interface WebVttCue {
    id: string;
    startTime: number;
    endTime: number;
    text: string;
    tree: { children: WebVttNode[] };
  }
  export class WebVTTParser {
    /** The named character references to know (the package's html-entities.json); a small subset without. */
    constructor(entities?: Record<string, string>);
    parse(
      input: string,
      mode?: 'metadata' | 'chapters',
    ): { cues: WebVttCue[]; errors: Array<{ message: string; line: number }> };
  }
}
