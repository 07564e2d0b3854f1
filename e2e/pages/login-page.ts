import type { Locator, Page } from "@playwright/test";
import { t, type Locale } from "../i18n";

/** /login: email, password, the demo accounts list and the language switch. */
export class LoginPage {
  constructor(
    readonly page: Page,
    readonly locale: Locale = "ja",
  ) {}

  goto() {
    return this.page.goto("/login");
  }

  get email(): Locator {
    return this.page.getByLabel(t("auth.email", {}, this.locale), { exact: true });
  }

  get password(): Locator {
    return this.page.getByLabel(t("auth.password", {}, this.locale), { exact: true });
  }

  get submit(): Locator {
    return this.page.getByRole("button", { name: t("auth.submit", {}, this.locale), exact: true });
  }

  get demoAccounts(): Locator {
    return this.page.getByRole("region", { name: t("auth.demoTitle", {}, this.locale) });
  }

  get error(): Locator {
    return this.page.getByRole("alert");
  }

  languageButton(label: "日本語" | "English"): Locator {
    return this.page.getByRole("button", { name: label, exact: true });
  }

  async signIn(email: string, password: string) {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }
}
