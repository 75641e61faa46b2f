// FormKit (`discourse/components/form`) with the part of its API this plugin uses, typed.
// @discourse/types 2026.10 declares FormKit's <Form> as a template-only component without
// arguments (its source is untyped .gjs), so the declaration cannot be used as is. The
// signature below was read from FormKit's source
// (frontend/discourse/app/form-kit/components/fk/form.gjs, field.gjs, control/input.gjs,
// control/select.gjs, submit.gjs) and is the one place where its type is asserted.
import type { ComponentLike } from "@glint/template";
import Form from "discourse/components/form";

export interface FormKitSelectOptionSignature {
  Args: { Named: { value: string } };
  Blocks: { default: [] };
}

export interface FormKitFieldControls {
  Input: ComponentLike<{
    Args: {
      Named: {
        type?: string;
        placeholder?: string;
        before?: string;
        after?: string;
      };
    };
    Element: HTMLInputElement;
  }>;
  Textarea: ComponentLike<{
    Args: { Named: { height?: number } };
    Element: HTMLTextAreaElement;
  }>;
  Select: ComponentLike<{
    Args: { Named: { includeNone?: boolean } };
    Element: HTMLSelectElement;
    Blocks: {
      default: [{ Option: ComponentLike<FormKitSelectOptionSignature> }];
    };
  }>;
}

export interface FormKitFieldSignature {
  Args: {
    Named: {
      name: string;
      title: string;
      validation?: string;
      description?: string;
      helpText?: string;
      showTitle?: boolean;
      format?: "small" | "medium" | "large" | "full";
    };
  };
  Blocks: { default: [FormKitFieldControls] };
}

export interface FormKitSubmitSignature {
  // `label` is an i18n key, translated by DButton.
  Args: { Named: { label?: string; icon?: string } };
  // It renders a DButton.
  Element: HTMLButtonElement | HTMLAnchorElement;
}

export interface FormKitYield {
  Field: ComponentLike<FormKitFieldSignature>;
  Submit: ComponentLike<FormKitSubmitSignature>;
  Actions: ComponentLike<{ Blocks: { default: [] } }>;
}

export interface FormKitApi {
  set(name: string, value: unknown): Promise<void>;
  submit(): Promise<void>;
}

export interface FormKitSignature<Data extends object> {
  Args: {
    Named: {
      data?: Data;
      onSubmit?: (data: Data) => void | Promise<void>;
      onRegisterApi?: (api: FormKitApi) => void;
    };
  };
  Element: HTMLFormElement;
  Blocks: { default: [FormKitYield, Data] };
}

export function formKit<Data extends object>(): ComponentLike<
  FormKitSignature<Data>
> {
  // The declared type has no arguments at all, so TypeScript needs the step through unknown.
  return Form as unknown as ComponentLike<FormKitSignature<Data>>;
}
