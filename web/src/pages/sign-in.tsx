import { useState } from 'preact/hooks';
import { ApiError, changePassword, currentSession, signIn } from '../api';
import { Field, fieldError, FormError, submits, useAction } from '../ui';

export function SignIn() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction(async () => {
    try {
      await signIn(username, password);
    } catch (e) {
      throw e instanceof ApiError && e.status === 401 ? new Error('Wrong username or password') : e;
    }
  });
  const { busy, error } = action;
  return (
    <main id="main" class="narrow">
      <h1>Sign in</h1>
      <form onSubmit={submits(action)}>
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
        <FormError error={error} fields={['username', 'password']} />
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
  const mismatch = again !== '' && next !== again ? 'The two new passwords differ' : null;
  const action = useAction(() => changePassword(current, next));
  const { busy, error } = action;
  return (
    <main id="main" class="narrow">
      <h1>Choose your password</h1>
      <p>
        You signed in as <strong>{currentSession()?.username}</strong> with a one-time password.
        Choose your own (12 characters or more) to go on.
      </p>
      <form onSubmit={submits(action)}>
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
        <FormError error={error} fields={['currentPassword', 'newPassword']} />
        <button type="submit" class="primary" disabled={busy || !!mismatch}>
          {busy ? 'Saving…' : 'Save password'}
        </button>
      </form>
    </main>
  );
}
