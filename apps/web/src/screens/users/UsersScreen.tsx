import { FormEvent, useState } from 'react';
import { api } from '../../api/client';
import type { Role, User } from '../../api/schema';
import { AsyncContent } from '../../components/AsyncContent';
import { Tag } from '../../components/badges';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CheckboxGroup, FieldErrorsProvider, TextField } from '../../components/fields';
import { LiveStatus, PageHeader, Section } from '../../components/layout';
import { ROLE_LABELS, ROLES } from '../../lib/labels';
import { useAction } from '../../lib/useAction';
import { useResource } from '../../lib/useResource';

/** Accounts and their roles. Names and titles appear on letters, so they are required. */
export function UsersScreen() {
  const users = useResource(() => api.GET('/api/users'), ['/api/users']);
  return (
    <>
      <PageHeader title="Users" subtitle="Separation of duties is per case: one person may hold several roles, never two duties on the same case." />
      <Section title="Accounts">
        <AsyncContent resource={users} what="the accounts">
          {(list) => <UserTable users={list.items} onChanged={users.reload} />}
        </AsyncContent>
      </Section>
      <Section title="Add a user">
        <NewUserForm onCreated={users.reload} />
      </Section>
    </>
  );
}

function UserTable({ users, onChanged }: { users: User[]; onChanged: () => void }) {
  const [editing, setEditing] = useState<User | null>(null);
  const toggle = useAction(async (user: User) => {
    await api.PATCH('/api/users/{id}', { params: { path: { id: user.id } }, body: { active: user.active === false } });
    onChanged();
    return true;
  });
  return (
    <>
      {toggle.error && <ErrorAlert error={toggle.error} title="The account was not changed" />}
      <div className="table-wrap" tabIndex={0}>
        <table className="table">
          <caption className="visually-hidden">User accounts</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Username</th>
              <th scope="col">Title</th>
              <th scope="col">Roles</th>
              <th scope="col">Account</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <th scope="row">{u.displayName}</th>
                <td>{u.username}</td>
                <td>{u.title}</td>
                <td>{u.roles.map((r) => ROLE_LABELS[r]).join(', ')}</td>
                <td>
                  {u.active === false ? <Tag tone="danger">Closed</Tag> : <Tag tone="success">Active</Tag>}{' '}
                  <button type="button" className="button button--link" onClick={() => void toggle.run(u)} disabled={toggle.pending}>
                    {u.active === false ? 'Reopen' : 'Deactivate'}
                    <span className="visually-hidden"> the account of {u.displayName}</span>
                  </button>{' '}
                  <button type="button" className="button button--link" onClick={() => setEditing(u)} aria-expanded={editing?.id === u.id}>
                    Edit roles or reset password<span className="visually-hidden"> of {u.displayName}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing && (
        <EditUserForm
          key={editing.id}
          user={editing}
          onDone={() => {
            setEditing(null);
            onChanged();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
    </>
  );
}

/** Change a person's roles or e-mail, or set a new password they must be told of (an admin reset). */
function EditUserForm({ user, onDone, onCancel }: { user: User; onDone: () => void; onCancel: () => void }) {
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [email, setEmail] = useState(user.email ?? '');
  const [password, setPassword] = useState('');
  const [local, setLocal] = useState<Record<string, string[]>>({});
  const action = useAction(async () => {
    const body: Record<string, unknown> = { roles };
    if (email.trim() !== (user.email ?? '')) body.email = email.trim();
    if (password) body.password = password;
    await api.PATCH('/api/users/{id}', { params: { path: { id: user.id } }, body });
    onDone();
    return true;
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string[]> = {};
    if (roles.length === 0) problems.roles = ['Keep at least one role; deactivate the account instead to remove all access.'];
    if (password && password.length < 12) problems.password = ['Use at least 12 characters.'];
    if (email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) problems.email = ['Enter an e-mail address such as name@library.example.gov.'];
    setLocal(problems);
    if (Object.keys(problems).length === 0) void action.run();
  };
  return (
    <form className="form panel-inset" onSubmit={submit} noValidate aria-label={`Edit the account of ${user.displayName}`}>
      <h3>Edit {user.displayName}</h3>
      {action.error && <ErrorAlert error={action.error} title="The account was not changed" focus />}
      <FieldErrorsProvider value={{ ...(action.error?.fieldErrors ?? {}), ...local }}>
        <CheckboxGroup<Role> name="roles" legend="Roles" requirement="at least one" values={roles} onChange={setRoles}
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} inline />
        <TextField name="email" label="E-mail" type="email" value={email} onChange={setEmail} hint="For reminder e-mails, if the person turns them on." />
        <TextField name="password" label="New password" type="password" value={password} onChange={setPassword} autoComplete="new-password"
          hint="Leave blank to keep the current one. At least 12 characters; tell the person in person or by phone, never by e-mail." />
      </FieldErrorsProvider>
      <div className="form__actions">
        <button type="submit" className="button" disabled={action.pending}>
          Save changes
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

const EMPTY = { username: '', displayName: '', title: '', email: '', password: '', roles: [] as Role[] };

function NewUserForm({ onCreated }: { onCreated: () => void }) {
  const [form, setForm] = useState(EMPTY);
  const [done, setDone] = useState('');
  const action = useAction(async () => {
    const created = await api.POST('/api/users', { body: { ...form, email: form.email.trim() || undefined } });
    setDone(`Account ${created.username} created.`);
    setForm(EMPTY);
    onCreated();
    return created;
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    void action.run();
  };
  const set = (key: keyof typeof EMPTY) => (value: string) => setForm({ ...form, [key]: value });
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Add a user">
      {action.error && <ErrorAlert error={action.error} title="The account was not created" focus />}
      <FieldErrorsProvider value={action.error?.fieldErrors ?? {}}>
        <div className="field-row">
          <TextField name="username" label="Username" requirement="required" value={form.username} onChange={set('username')} autoComplete="off" />
          <TextField name="displayName" label="Full name" requirement="required" value={form.displayName} onChange={set('displayName')} />
        </div>
        <div className="field-row">
          <TextField name="title" label="Title" requirement="required" value={form.title} onChange={set('title')} hint="Printed on letters, e.g. Library Director." />
          <TextField name="email" label="E-mail" type="email" value={form.email} onChange={set('email')} />
        </div>
        <TextField name="password" label="Initial password" type="password" requirement="at least 12 characters" value={form.password} onChange={set('password')} autoComplete="new-password" />
        <CheckboxGroup<Role> name="roles" legend="Roles" requirement="at least one" values={form.roles} onChange={(roles) => setForm({ ...form, roles })}
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} inline />
      </FieldErrorsProvider>
      <button type="submit" className="button" disabled={action.pending}>
        Create account
      </button>
      <LiveStatus>{done}</LiveStatus>
    </form>
  );
}
