import { useState } from 'preact/hooks';
import { ApiError, changePassword, currentSession, signIn } from '../api';
import { ErrorNote, Field, fieldError } from '../ui';

export function SignIn() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <main id="main" class="narrow">
      <h1>Sign in</h1>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          setError(null);
          try {
            await signIn(username, password);
          } catch (e) {
            setError(
              e instanceof ApiError && e.status === 401
                ? new Error('Wrong username or password')
                : e,
            );
          } finally {
            setBusy(false);
          }
        }}
      >
        <Field
          label="Username"
          value={username}
          onValue={setUsername}
          autoComplete="username"
          required
          autoFocus
          error={fieldError(error, 'username')}
        />
        <Field
          label="Password"
          type="password"
          value={password}
          onValue={setPassword}
          autoComplete="current-password"
          required
          error={fieldError(error, 'password')}
        />
        <ErrorNote error={error instanceof ApiError && error.fields.length ? null : error} />
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p class="hint">
        On the first start the server prints a one-time password for the user admin.
      </p>
    </main>
  );
}

/** After a one-time password: nothing else opens until the user chose their own. */
export function ChoosePassword() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const mismatch = again !== '' && next !== again ? 'The two new passwords differ' : null;
  return (
    <main id="main" class="narrow">
      <h1>Choose your password</h1>
      <p>
        You signed in as <strong>{currentSession()?.username}</strong> with a one-time password.
        Choose your own (12 characters or more) to go on.
      </p>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          if (mismatch) return;
          setBusy(true);
          setError(null);
          try {
            await changePassword(current, next);
          } catch (e) {
            setError(e);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Field
          label="One-time password"
          type="password"
          value={current}
          onValue={setCurrent}
          autoComplete="current-password"
          required
          autoFocus
          error={fieldError(error, 'currentPassword')}
        />
        <Field
          label="New password"
          type="password"
          value={next}
          onValue={setNext}
          autoComplete="new-password"
          required
          hint="12 characters or more"
          error={fieldError(error, 'newPassword')}
        />
        <Field
          label="New password again"
          type="password"
          value={again}
          onValue={setAgain}
          autoComplete="new-password"
          required
          error={mismatch}
        />
        <ErrorNote error={error instanceof ApiError && error.fields.length ? null : error} />
        <button type="submit" class="primary" disabled={busy || !!mismatch}>
          {busy ? 'Saving…' : 'Save password'}
        </button>
      </form>
    </main>
  );
}
