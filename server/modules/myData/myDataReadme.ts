/** README.txt at the top of "Download my data": what each file is, in plain words (docs/words.md). */
export function myDataReadme(name: string, madeAt: string): string {
  return `Your data from Chorus
=====================

This is everything Chorus keeps about you, ${name}, as it was on ${madeAt.slice(0, 10)} (${madeAt} UTC).
The files ending in .json are plain text in a standard format (JSON). A text editor can open them,
and so can most spreadsheet programs.

What is in here
---------------

account.json      Your name, your email address and when you made your account.
                  Your password is never kept in a form anyone can read, so it is not here.

memberships.json  The projects (workspaces) you are in, your role in each, when you joined,
                  and whether you agreed to be named in podcast credits (and the name you chose).

recordings.json   A list of your recordings: their titles, when you made them, how long they are,
                  whether they are being checked or ready to use, and what you agreed they may be
                  used for now.

recordings/       One folder for each recording, named with the recording's id from recordings.json:
                    original.*         the sound file exactly as you sent it
                    listening.m4a      the copy people in your project listen to
                    transcript.json    the words of the recording, with times, if it has a transcript
                  A recording you took back has no sound file and no transcript any more:
                  they were deleted when you took back your consent.

consent.json      Every decision about each recording: when you agreed to it being used, when it
                  changed and when it was taken back, and the words version you agreed to.
                  "by" says whether you made the decision or someone else did for you (an admin).

comments.json     The comments you wrote, on recordings and on documents.

involvement.json  The meetings, recording sessions and other work you took part in, for each project
                  that keeps a record of them: whether you confirmed them, how you chose to be thanked
                  (paid, a voucher, no thank you, or "talk to me first"), your expenses, and what
                  you are owed. Amounts are in pence or cents (1250 means 12.50).

strengths.json    For each project where you said it: what you bring and would like to try, the tasks
                  you were offered and your answers, and anything more an admin agreed you may do
                  (for example assemble episodes).

uploads.json      Pictures you added to documents and music you uploaded for episodes, if any: where each
                  was used, and its file in uploads/ (named with its id). A file deleted since is listed
                  with no file.

history.json      The record Chorus keeps of decisions you made or that were made about you or
                  your recordings (for example consent, roles and reviews).

Other people's recordings, comments, names and email addresses are not in this download.

If something here is wrong, or you have a question about your data, ask the admin of your project.
`;
}
