import type { SandboxAnswers } from '../../../electron/ipc/schemas';
import { emailAddress, websiteUrl } from '../../../electron/ipc/schemas';
import { Field, problemOf } from '../../components/Field';

/** The form's own state: numbers and the contact list stay as typed until they are sent. */
export interface Form {
  business: string;
  website: string;
  mailType: 'TRANSACTIONAL' | 'MARKETING';
  optIn: '' | NonNullable<SandboxAnswers['optIn']>;
  optInDetail: string;
  listSize: string;
  frequency: string;
  monthlyVolume: string;
  bounceHandling: NonNullable<SandboxAnswers['bounceHandling']>;
  bounceDetail: string;
  unsubscribe: NonNullable<SandboxAnswers['unsubscribe']>;
  contacts: string;
  language: 'EN' | 'JA';
}

export const EMPTY_FORM: Form = {
  business: '',
  website: '',
  mailType: 'TRANSACTIONAL',
  optIn: '',
  optInDetail: '',
  listSize: '',
  frequency: '',
  monthlyVolume: '',
  bounceHandling: [],
  bounceDetail: '',
  unsubscribe: [],
  contacts: '',
  language: 'EN',
};

const count = (v: string) => {
  const n = Number(v.replace(/[,\s]/g, ''));
  return v.trim() && Number.isInteger(n) && n >= 0 ? n : undefined;
};

export const contactList = (v: string) =>
  v
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The answers as the channels take them; only well-formed contact addresses are passed on. */
export function toAnswers(f: Form): SandboxAnswers {
  return {
    business: f.business,
    website: f.website.trim(),
    mailType: f.mailType,
    optIn: f.optIn || undefined,
    optInDetail: f.optInDetail,
    listSize: count(f.listSize),
    frequency: f.frequency,
    monthlyVolume: count(f.monthlyVolume),
    bounceHandling: f.bounceHandling,
    bounceDetail: f.bounceDetail,
    unsubscribe: f.unsubscribe,
    contacts: contactList(f.contacts)
      .filter((c) => emailAddress.safeParse(c).success)
      .slice(0, 4),
    language: f.language,
  };
}

/** The form as the person left it, from the answers saved for them (numbers and lists as typed). */
export function fromAnswers(a: SandboxAnswers): Form {
  return {
    business: a.business ?? '',
    website: a.website ?? '',
    mailType: a.mailType,
    optIn: a.optIn ?? '',
    optInDetail: a.optInDetail ?? '',
    listSize: a.listSize === undefined ? '' : String(a.listSize),
    frequency: a.frequency ?? '',
    monthlyVolume: a.monthlyVolume === undefined ? '' : String(a.monthlyVolume),
    bounceHandling: a.bounceHandling ?? [],
    bounceDetail: a.bounceDetail ?? '',
    unsubscribe: a.unsubscribe ?? [],
    contacts: (a.contacts ?? []).join(', '),
    language: a.language ?? 'EN',
  };
}

/** True until the person answers something: a draft made from no answers would only be boilerplate. */
export const isUnanswered = (f: Form): boolean =>
  (Object.keys(EMPTY_FORM) as (keyof Form)[]).every(
    (k) => JSON.stringify(f[k]) === JSON.stringify(EMPTY_FORM[k]),
  );

export function contactsProblem(v: string): string | null {
  const list = contactList(v);
  if (list.length > 4) return 'AWS takes at most four contact addresses.';
  const bad = list.find((c) => !emailAddress.safeParse(c).success);
  return bad ? 'One of these is not an email address: check for typos.' : null;
}

/**
 * The questions still unanswered, by the label the person sees (the draft's own rules: sign-up may
 * be answered by the choice or the note, bounces by a box or the note, unsubscribing only for marketing).
 */
export function missingQuestions(f: Form): string[] {
  const missing: string[] = [];
  if (!f.business.trim()) missing.push('What does your business do?');
  if (!websiteUrl.safeParse(f.website.trim()).success) missing.push('Your website');
  if (!f.optIn && !f.optInDetail.trim()) missing.push('How did recipients agree to get your mail?');
  if (count(f.listSize) === undefined) missing.push('How many recipients?');
  if (count(f.monthlyVolume) === undefined) missing.push('Messages a month');
  if (!f.frequency.trim()) missing.push('How often do you send?');
  if (f.bounceHandling.length === 0 && !f.bounceDetail.trim())
    missing.push('How are bounces and complaints handled?');
  if (f.mailType === 'MARKETING' && f.unsubscribe.length === 0) missing.push('How do people unsubscribe?');
  if (contactList(f.contacts).length === 0 || contactsProblem(f.contacts))
    missing.push('Addresses AWS may write to');
  return missing;
}

function toggle<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

export function Questionnaire({ form, onChange }: { form: Form; onChange: (f: Form) => void }) {
  const set = <K extends keyof Form>(key: K, value: Form[K]) => onChange({ ...form, [key]: value });
  return (
    <div className="questionnaire">
      <Field
        id="sb-business"
        label="What does your business do?"
        hint="One or two sentences a stranger would understand, e.g. “We sell handmade ceramics online.”"
      >
        <textarea
          id="sb-business"
          rows={3}
          value={form.business}
          onChange={(e) => set('business', e.target.value)}
        />
      </Field>
      <Field
        id="sb-website"
        label="Your website"
        hint="Reviewers look at it to see what you do."
        problem={problemOf(websiteUrl, form.website.trim())}
      >
        <input
          id="sb-website"
          value={form.website}
          placeholder="https://example.com"
          onChange={(e) => set('website', e.target.value)}
        />
      </Field>
      <fieldset className="choice">
        <legend>What kind of email?</legend>
        <label>
          <input
            type="radio"
            name="sb-type"
            checked={form.mailType === 'TRANSACTIONAL'}
            onChange={() => set('mailType', 'TRANSACTIONAL')}
          />
          <span>
            <strong>Transactional</strong>
            <small>Messages people trigger: sign-up confirmations, password resets, receipts.</small>
          </span>
        </label>
        <label>
          <input
            type="radio"
            name="sb-type"
            checked={form.mailType === 'MARKETING'}
            onChange={() => set('mailType', 'MARKETING')}
          />
          <span>
            <strong>Marketing</strong>
            <small>Newsletters, offers and announcements to a list.</small>
          </span>
        </label>
      </fieldset>
      <Field
        id="sb-optin"
        label="How did recipients agree to get your mail?"
        hint="Signed up and confirmed by email (“double opt-in”) is what reviewers like best."
      >
        <select
          id="sb-optin"
          value={form.optIn}
          onChange={(e) => set('optIn', e.target.value as Form['optIn'])}
        >
          <option value="">Choose…</option>
          <option value="double-opt-in">Signed up, confirmed by email</option>
          <option value="single-opt-in">Signed up on my website</option>
          <option value="account-or-order">Customers: account or order</option>
        </select>
      </Field>
      <Field
        id="sb-optin-detail"
        label="Anything to add about sign-up? (optional)"
        hint="Where the form is, what people are told."
      >
        <input
          id="sb-optin-detail"
          value={form.optInDetail}
          onChange={(e) => set('optInDetail', e.target.value)}
        />
      </Field>
      <div className="two-fields">
        <Field id="sb-list" label="How many recipients?" hint="Roughly, today.">
          <input
            id="sb-list"
            inputMode="numeric"
            value={form.listSize}
            onChange={(e) => set('listSize', e.target.value)}
          />
        </Field>
        <Field id="sb-volume" label="Messages a month" hint="What you expect to send.">
          <input
            id="sb-volume"
            inputMode="numeric"
            value={form.monthlyVolume}
            onChange={(e) => set('monthlyVolume', e.target.value)}
          />
        </Field>
      </div>
      <Field
        id="sb-frequency"
        label="How often do you send?"
        hint="E.g. “receipts as orders come in; one newsletter a month”."
      >
        <input id="sb-frequency" value={form.frequency} onChange={(e) => set('frequency', e.target.value)} />
      </Field>
      <fieldset className="checks">
        <legend>How are bounces and complaints handled?</legend>
        {(
          [
            ['sns-notifications', 'SES notifies me (notification topic)'],
            ['auto-suppress', 'Bounced and complaining addresses are removed automatically'],
            ['watch-rates', 'I watch the bounce and complaint rates'],
          ] as const
        ).map(([id, label]) => (
          <label key={id} className="check">
            <input
              type="checkbox"
              checked={form.bounceHandling.includes(id)}
              onChange={() => set('bounceHandling', toggle(form.bounceHandling, id))}
            />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="checks">
        <legend>How do people unsubscribe?</legend>
        {(
          [
            ['list-unsubscribe', 'One-click unsubscribe header (List-Unsubscribe)'],
            ['footer-link', 'An unsubscribe link in every message'],
            ['preferences-page', 'A preferences page in their account'],
          ] as const
        ).map(([id, label]) => (
          <label key={id} className="check">
            <input
              type="checkbox"
              checked={form.unsubscribe.includes(id)}
              onChange={() => set('unsubscribe', toggle(form.unsubscribe, id))}
            />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
      <Field
        id="sb-contacts"
        label="Addresses AWS may write to (1 to 4)"
        hint="Separate them with commas. AWS sends its decision and any questions here."
        problem={contactsProblem(form.contacts)}
      >
        <input id="sb-contacts" value={form.contacts} onChange={(e) => set('contacts', e.target.value)} />
      </Field>
      <Field id="sb-language" label="Language AWS should write in" hint="AWS answers in English or Japanese.">
        <select
          id="sb-language"
          value={form.language}
          onChange={(e) => set('language', e.target.value as 'EN' | 'JA')}
        >
          <option value="EN">English</option>
          <option value="JA">Japanese</option>
        </select>
      </Field>
    </div>
  );
}
