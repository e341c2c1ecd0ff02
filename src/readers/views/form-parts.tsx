// Form pieces every reader form uses: a labelled field whose error is announced and tied to it
// (aria-invalid, aria-describedby), and the summary at the top of a failed form.
import type { ComponentChildren } from 'preact';
import type { FormProblem } from '../page.tsx';

export interface FieldProps {
  id: string;
  name: string;
  label: string;
  type?: string;
  value?: string;
  autocomplete?: string;
  required?: boolean;
  hint?: string;
  error?: string;
  maxLength?: number;
  minLength?: number;
}

export function Field(p: FieldProps) {
  const described =
    [p.hint ? `${p.id}-hint` : '', p.error ? `${p.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <p class={p.error ? 'field field--invalid' : 'field'}>
      <label for={p.id}>{p.label}</label>
      <input
        id={p.id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.value ?? ''}
        autocomplete={p.autocomplete}
        required={p.required}
        maxLength={p.maxLength}
        minLength={p.minLength}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={described}
      />
      {p.hint ? (
        <span class="field__hint" id={`${p.id}-hint`}>
          {p.hint}
        </span>
      ) : null}
      {p.error ? (
        <span class="field__error" id={`${p.id}-error`}>
          {p.error}
        </span>
      ) : null}
    </p>
  );
}

export function ProblemSummary({ problem, heading }: { problem?: FormProblem; heading: string }) {
  if (!problem) return null;
  return (
    <div class="form-error" role="alert">
      <p>{problem.message ?? heading}</p>
      {problem.issues.length > 0 ? (
        <ul>
          {problem.issues.map((i) => (
            <li>{i.message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function Card({
  id,
  title,
  children,
  intro,
}: {
  id: string;
  title: string;
  intro?: string;
  children: ComponentChildren;
}) {
  return (
    <section class="login reader-card" aria-labelledby={id}>
      <h1 id={id}>{title}</h1>
      {intro ? <p>{intro}</p> : null}
      {children}
    </section>
  );
}
