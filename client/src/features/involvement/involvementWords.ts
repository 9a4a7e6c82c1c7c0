import type { LineState, ParticipationStatus, PaymentChoice } from '../../../../shared/contracts/involvement';

/** How each person may be thanked, in the words a carer reads (docs/words.md). */
export const choiceOptions: ReadonlyArray<{ value: PaymentChoice; label: string; hint: string }> = [
  { value: 'paid', label: 'Pay me', hint: 'Money paid to you at this project’s rate.' },
  { value: 'voucher', label: 'A shopping voucher instead', hint: 'A voucher worth the same amount.' },
  {
    value: 'declined',
    label: 'No thank you',
    hint: 'You do not want to be paid for this. We still pay back your costs.',
  },
  {
    value: 'talk_first',
    label: 'This may affect my benefits: talk to me first',
    hint: 'Nothing is paid until someone has talked it through with you.',
  },
];

export const choiceWords: Record<PaymentChoice, string> = {
  paid: 'Pay me',
  voucher: 'A voucher',
  declined: 'No thank you',
  talk_first: 'Talk to me first (benefits)',
};

export const statusWords: Record<ParticipationStatus, string> = {
  pending: 'Not yet confirmed',
  confirmed: 'Confirmed',
  disputed: 'Something is wrong',
};

export const lineStateWords: Record<LineState, string> = {
  awaiting_confirmation: 'Waiting for you to say this is right',
  disputed: 'You said something is wrong',
  awaiting_choice: 'Choose how you want to be thanked',
  on_hold: 'On hold until we have talked with you',
  declined: 'No payment, as you asked',
  paid: 'To be paid',
  voucher: 'Voucher',
};

/** "1 hour 30 minutes" */
export function durationWords(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts = [h ? `${h} hour${h === 1 ? '' : 's'}` : '', m ? `${m} minute${m === 1 ? '' : 's'}` : ''];
  return parts.filter(Boolean).join(' ');
}

/** "Saturday 14 March 2026" from 2026-03-14: the same words in every browser, without the time zone moving the day. */
export function dateWords(isoDate: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatToParts(new Date(`${isoDate}T12:00:00Z`));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}
