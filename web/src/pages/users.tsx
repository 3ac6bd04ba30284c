import { useState } from 'preact/hooks';
import { get, post, put } from '../api';
import { dateTime } from '../format';
import type { Page } from '../model';
import {
  ActionButton,
  ErrorNote,
  Field,
  fieldError,
  FormError,
  submits,
  useAction,
  useLoad,
} from '../ui';

const ROLES = ['sales', 'purchasing', 'receiving', 'accounting', 'auditor', 'admin'];

interface User {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly string[];
  readonly status: string;
  readonly mustChangePassword: boolean;
  readonly lastLoginAt: string | null;
}

interface ApiKey {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly status: 'active' | 'revoked';
  readonly issuedAt: string;
  readonly issuedBy: string;
}

/** A secret the server shows once: kept on screen until the admin has copied it. */
function Secret({ title, value }: { title: string; value: string }) {
  return (
    <div class="secret" role="status">
      <p>{title} (shown only now):</p>
      <output class="secret-value">{value}</output>
    </div>
  );
}

function RolePicker({
  legend,
  roles,
  onChange,
  error,
}: {
  legend: string;
  roles: string[];
  onChange: (r: string[]) => void;
  error?: string | null;
}) {
  return (
    <fieldset class="roles">
      <legend>{legend}</legend>
      {ROLES.map((role) => (
        <span class="field checkbox" key={role}>
          <input
            type="checkbox"
            id={`${legend}-${role}`}
            checked={roles.includes(role)}
            onChange={(e) =>
              onChange(
                (e.target as HTMLInputElement).checked
                  ? [...roles, role]
                  : roles.filter((r) => r !== role),
              )
            }
          />
          <label for={`${legend}-${role}`}>{role}</label>
        </span>
      ))}
      {error && <small class="error">{error}</small>}
    </fieldset>
  );
}

export function Users() {
  return (
    <>
      <h1 tabIndex={-1}>Users &amp; API keys</h1>
      <UserList />
      <ApiKeyList />
    </>
  );
}

function UserList() {
  const users = useLoad((signal) => get<Page<User>>('/users?limit=200', { signal }), []);
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<string[]>(['sales']);
  const [secret, setSecret] = useState<{ who: string; password: string } | null>(null);
  const create = useAction(async () => {
    const made = await post<{ username: string; oneTimePassword: string }>('/users', {
      username,
      roles,
      ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
    });
    setSecret({ who: made.username, password: made.oneTimePassword });
    setUsername('');
    setDisplayName('');
    users.reload();
  });
  const error = create.error;
  return (
    <section aria-labelledby="users-title">
      <h2 id="users-title">Users</h2>
      {secret && <Secret title={`One-time password for ${secret.who}`} value={secret.password} />}
      <ErrorNote error={users.error} />
      <table class="lines">
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Roles</th>
            <th scope="col">Status</th>
            <th scope="col">Last sign-in</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {(users.data?.items ?? []).map((user) => (
            <UserRow
              key={user.id}
              user={user}
              onChange={users.reload}
              onSecret={(password) => setSecret({ who: user.username, password })}
            />
          ))}
        </tbody>
      </table>
      <form class="card" aria-label="New user" onSubmit={submits(create)}>
        <h3>New user</h3>
        <div class="row">
          <Field
            label="Username"
            value={username}
            onValue={setUsername}
            required
            autoComplete="off"
            error={fieldError(error, 'username')}
          />
          <Field
            label="Full name"
            value={displayName}
            onValue={setDisplayName}
            autoComplete="off"
            error={fieldError(error, 'displayName')}
          />
        </div>
        <RolePicker
          legend="Roles of the new user"
          roles={roles}
          onChange={setRoles}
          error={fieldError(error, 'roles')}
        />
        <button type="submit" class="primary" disabled={create.busy}>
          Create user
        </button>
        <FormError error={error} fields={['username', 'displayName', 'roles']} />
      </form>
    </section>
  );
}

function UserRow({
  user,
  onChange,
  onSecret,
}: {
  user: User;
  onChange: () => void;
  onSecret: (password: string) => void;
}) {
  const [roles, setRoles] = useState<string[]>([...user.roles]);
  const [editing, setEditing] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <tr>
      <td>
        <strong>{user.username}</strong>
        <small class="block">{user.displayName}</small>
      </td>
      <td>
        {editing ? (
          <>
            <RolePicker legend={`Roles of ${user.username}`} roles={roles} onChange={setRoles} />
            <ActionButton
              label="Save roles"
              kind="primary"
              run={() => put(`/users/${user.id}/roles`, { roles })}
              done={() => {
                setEditing(false);
                onChange();
              }}
            />
          </>
        ) : (
          <>
            {user.roles.join(', ')}{' '}
            <button
              type="button"
              class="secondary"
              onClick={() => setEditing(true)}
              aria-label={`Change roles of ${user.username}`}
            >
              Change
            </button>
          </>
        )}
      </td>
      <td>
        {user.status}
        {user.mustChangePassword ? <small class="block">one-time password</small> : null}
      </td>
      <td>{user.lastLoginAt ? dateTime(user.lastLoginAt) : 'never'}</td>
      <td class="actions">
        <ActionButton
          label="Reset password"
          run={() => post<{ oneTimePassword: string }>(`/users/${user.id}/reset-password`, {})}
          done={(r) => {
            onSecret((r as { oneTimePassword: string }).oneTimePassword);
            onChange();
          }}
        />
        {user.status === 'active' ? (
          <span class="inline">
            <Field label={`Why disable ${user.username}`} value={reason} onValue={setReason} />
            <ActionButton
              label="Disable"
              kind="danger"
              run={() => post(`/users/${user.id}/disable`, { reason })}
              done={onChange}
            />
          </span>
        ) : (
          <ActionButton
            label="Enable"
            run={() => post(`/users/${user.id}/enable`, {})}
            done={onChange}
          />
        )}
      </td>
    </tr>
  );
}

function ApiKeyList() {
  const keys = useLoad((signal) => get<Page<ApiKey>>('/api-keys', { signal }), []);
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<string[]>(['sales']);
  const [secret, setSecret] = useState<{ name: string; key: string } | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const issue = useAction(async () => {
    setSecret(await post<{ name: string; key: string }>('/api-keys', { name, roles }));
    setName('');
    keys.reload();
  });
  const error = issue.error;
  return (
    <section aria-labelledby="keys-title">
      <h2 id="keys-title">API keys</h2>
      {secret && <Secret title={`Key ${secret.name}; send it as X-Api-Key`} value={secret.key} />}
      <ErrorNote error={keys.error} />
      <table class="lines">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Roles</th>
            <th scope="col">Issued</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {(keys.data?.items ?? []).map((key) => (
            <tr key={key.id}>
              <td>{key.name}</td>
              <td>{key.roles.join(', ')}</td>
              <td>
                {dateTime(key.issuedAt)} by {key.issuedBy}
              </td>
              <td>
                {key.status}
                {key.status === 'active' && (
                  <span class="inline">
                    <Field
                      label={`Why revoke ${key.name}`}
                      value={reasons[key.id] ?? ''}
                      onValue={(v) => setReasons({ ...reasons, [key.id]: v })}
                    />
                    <ActionButton
                      label="Revoke"
                      kind="danger"
                      run={() =>
                        post(`/api-keys/${key.id}/revoke`, { reason: reasons[key.id] ?? '' })
                      }
                      done={keys.reload}
                    />
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form class="card" aria-label="New API key" onSubmit={submits(issue)}>
        <h3>New API key</h3>
        <Field
          label="Key name"
          value={name}
          onValue={setName}
          required
          autoComplete="off"
          hint="e.g. web-shop-sync"
          error={fieldError(error, 'name')}
        />
        <RolePicker
          legend="Roles of the new key"
          roles={roles}
          onChange={setRoles}
          error={fieldError(error, 'roles')}
        />
        <button type="submit" class="primary" disabled={issue.busy}>
          Issue key
        </button>
        <FormError error={error} fields={['name', 'roles']} />
      </form>
    </section>
  );
}
