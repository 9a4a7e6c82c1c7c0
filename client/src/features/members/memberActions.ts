/** What a change to a member came to: words for the status line, or a failure for the error summary. */
export type MemberActionResult = { ok: true; message: string } | { ok: false; error: unknown };
