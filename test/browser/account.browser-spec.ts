/// <reference lib="dom" />
import { eventually } from '../support/api-client';
import { generate } from '../support/totp';
import { browserSuite, checkScreen, openPage } from './browser';

jest.setTimeout(300_000);

const DIRECTOR = { username: 'dir.account', displayName: 'Dana Account', title: 'Deputy Director', roles: ['director'], password: 'first-lantern-orchard-41' };
const NEW_PASSWORD = 'second-harbour-violet-58';

/** One's own account: password change, two-step sign-in set up and used, and sign-out ending the token on the server. */
describe('your account, in Chromium', () => {
  const suite = browserSuite('browser-account', []);

  it('a director changes their password, sets up two-step sign-in, signs out for good and signs in with a code', async () => {
    expect((await suite.system.admin.post('/api/users', DIRECTOR)).status).toBe(201);
    const page = await openPage(suite.browser, suite.system, '/');
    suite.pages.push(page);
    await page.getByLabel('Username').fill(DIRECTOR.username);
    await page.getByLabel('Password').fill(DIRECTOR.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByRole('link', { name: 'Dana Account: your account' }).click();
    await page.getByRole('heading', { name: 'Your account' }).waitFor();

    const form = page.getByRole('form', { name: 'Change your password' });
    await form.getByLabel('Current password').fill(DIRECTOR.password);
    await form.getByLabel('New password', { exact: true }).fill('short');
    await form.getByLabel('New password again').fill('shorter');
    await form.getByRole('button', { name: 'Change password' }).click();
    // Both problems at once, before anything is sent.
    expect(await page.locator('#field-newPassword-error').textContent()).toMatch(/at least 12 characters/);
    expect(await page.locator('#field-repeatPassword-error').textContent()).toMatch(/not the same/);
    await form.getByLabel('Current password').fill('not-my-password-at-all');
    await form.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await form.getByLabel('New password again').fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('alert').filter({ hasText: 'The current password is not right' }).waitFor();
    expect(await page.locator('#field-currentPassword-error').textContent()).toMatch(/not the password you signed in with/);
    await checkScreen(page, 'account-password-refused');
    await form.getByLabel('Current password').fill(DIRECTOR.password);
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('Password changed. You are signed out everywhere else.').waitFor();
    expect((await suite.system.anonymous.post('/api/auth/login', { username: DIRECTOR.username, password: DIRECTOR.password })).status).toBe(401);
    // This tab carries on with the new session.
    await page.getByRole('link', { name: 'Today' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.locator('h1').first().waitFor();
    expect(await page.getByRole('dialog', { name: 'Your session has ended' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Dana Account: your account' }).click();
    await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    const key = (await page.getByTestId('totp-key').textContent())!.replace(/\s+/g, '');
    expect(key).toMatch(/^[A-Z2-7]{16,}$/);
    const confirm = page.getByRole('form', { name: 'Confirm two-step sign-in' });
    await confirm.getByLabel(/Code the app shows/).fill('12345');
    await confirm.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    expect(await page.locator('#field-code-error').textContent()).toMatch(/6 digits/);
    await checkScreen(page, 'account-two-step-setup');
    await confirm.getByLabel(/Code the app shows/).fill(await generate({ secret: key }));
    await confirm.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    await page.getByText(/^Two-step sign-in is on/).waitFor();

    const token = await page.evaluate(() => Object.values(sessionStorage)[0]);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    // Signing out ended the token on the server, not just in the tab.
    const stale = suite.system.anonymous.as(token);
    await eventually(async () => (await stale.get('/api/auth/me')).status, (status) => status === 401);

    await page.getByLabel('Username').fill(DIRECTOR.username);
    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const code = page.getByRole('form', { name: 'Sign-in code' });
    await code.getByLabel(/Code from your authenticator app/).fill('000000');
    await code.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'That code is wrong or was already used' }).waitFor();
    await checkScreen(page, 'sign-in-code');
    // The confirming code's time step is spent; the next step's code is within the server's tolerance.
    await code.getByLabel(/Code from your authenticator app/).fill(await generate({ secret: key, step: 1 }));
    await code.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  });
});
