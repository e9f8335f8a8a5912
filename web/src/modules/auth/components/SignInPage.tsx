import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { useAuth } from "../useAuth";
import { Field } from "../../../ui/Field";
import { ErrorNotice } from "../../../ui/ErrorNotice";

const signInSchema = z.object({
  email: z.string().email("Enter your email address."),
  password: z.string().min(1, "Enter your password."),
});
type SignInValues = z.infer<typeof signInSchema>;

export function SignInPage() {
  const { signIn } = useAuth();
  const [error, setError] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInValues>({ resolver: zodResolver(signInSchema) });

  const handleSignIn = async (values: SignInValues) => {
    setError(null);
    try {
      await signIn(values.email, values.password);
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <main id="main" className="sign-in">
      <h1>Campaign Creation</h1>
      <form onSubmit={handleSubmit(handleSignIn)} noValidate aria-label="Sign in">
        <h2>Sign in</h2>
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
    </main>
  );
}
