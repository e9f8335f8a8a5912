import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { ApiError } from "../../../api/errors";
import { useAuth, type MfaChallenge } from "../useAuth";
import { Field } from "../../../ui/Field";
import { ErrorNotice } from "../../../ui/ErrorNotice";

const signInSchema = z.object({
  email: z.string().email("Enter your email address."),
  password: z.string().min(1, "Enter your password."),
});
type SignInValues = z.infer<typeof signInSchema>;

const CODE = /^\d{6}$/;

/** Email and password; for an account with MFA, then a code of the authenticator. After a session
 * that ended on its own, says so (signing in again goes back to the page it ended on). */
export function SignInPage() {
  const { signIn, sessionEnded } = useAuth();
  const [error, setError] = useState<unknown>(null);
  const [challenge, setChallenge] = useState<MfaChallenge | null>(null);
  const {
    register,
    handleSubmit,
    setValue,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<SignInValues>({ resolver: zodResolver(signInSchema) });

  const handleSignIn = async (values: SignInValues) => {
    setError(null);
    try {
      setChallenge(await signIn(values.email, values.password));
    } catch (caught) {
      setError(caught);
      // Back to the password, ready to retype: emptied when it was refused, else selected.
      if (caught instanceof ApiError && caught.status === 401) setValue("password", "");
      setFocus("password", { shouldSelect: true });
    }
  };

  return (
    <main id="main" className="sign-in">
      <h1>Campaign Creation</h1>
      {challenge ? (
        <MfaStep
          challenge={challenge}
          onRestart={(reason) => {
            setChallenge(null);
            setError(reason);
          }}
        />
      ) : (
        <form onSubmit={handleSubmit(handleSignIn)} noValidate aria-label="Sign in">
          <h2>Sign in</h2>
          {sessionEnded && (
            <p className="notice" role="status">
              Your session ended; sign in again.
            </p>
          )}
          <ErrorNotice error={error} />
          <Field label="Email" error={errors.email?.message}>
            {(props) => <input {...props} type="email" autoComplete="username" {...register("email")} />}
          </Field>
          <Field label="Password" error={errors.password?.message}>
            {(props) => (
              <input {...props} type="password" autoComplete="current-password" {...register("password")} />
            )}
          </Field>
          <button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Signing in…" : "Sign in"}
          </button>
        </form>
      )}
    </main>
  );
}

type MfaStepProps = {
  challenge: MfaChallenge;
  /** Back to the password, with why (an expired or used challenge), or null when asked for. */
  onRestart: (reason: unknown) => void;
};

function MfaStep({ challenge, onRestart }: MfaStepProps) {
  const { completeMfaSignIn } = useAuth();
  const [code, setCode] = useState("");
  const [codeError, setCodeError] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement | null>(null);
  useEffect(() => input.current?.focus(), []);

  const handleVerify = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!CODE.test(code.trim())) {
      setCodeError("Enter the 6 digits your authenticator app shows.");
      input.current?.focus();
      return;
    }
    setCodeError(undefined);
    setBusy(true);
    try {
      await completeMfaSignIn(challenge, code.trim());
    } catch (caught) {
      if (caught instanceof ApiError && caught.errorCode === "invalid_mfa_challenge") {
        onRestart(caught);
        return;
      }
      if (caught instanceof ApiError && caught.status === 422) {
        setCodeError(caught.fieldErrors().code ?? caught.message);
        setCode("");
        input.current?.focus();
      } else setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void handleVerify(e)} noValidate aria-label="Verification code">
      <h2>Two-step verification</h2>
      <p>Open your authenticator app and enter the code it shows for Campaign Creation.</p>
      <ErrorNotice error={error} />
      <Field label="6-digit code" error={codeError} hint={`The sign-in waits ${Math.max(1, Math.round(challenge.expires_in / 60))} min for it.`}>
        {(props) => (
          <input
            {...props}
            ref={input}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, ""))}
          />
        )}
      </Field>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? "Verifying…" : "Verify"}
        </button>
        <button type="button" className="secondary" onClick={() => onRestart(null)}>
          Start over
        </button>
      </div>
    </form>
  );
}
