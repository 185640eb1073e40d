import { Flag, NullableText, Text } from '../openapi/schema';

export class PreferencesView {
  @Flag({ description: 'Reminders, assignments and escalations are e-mailed (case number and link only)' }) emailReminders: boolean;
  @NullableText({ format: 'email', description: "The account's address, where they go" }) email: string | null;
  @Flag({ description: 'The server can send mail (SMTP_URL is set)' }) mailConfigured: boolean;
  @Flag() calendarFeedActive: boolean;
}

export class CalendarFeedView {
  @Text({ format: 'uri', example: 'https://records.library.example.gov/calendar/3q2….ics', description: 'Shown once: only its hash is kept' }) url: string;
}
