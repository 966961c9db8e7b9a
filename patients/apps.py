from django.apps import AppConfig


class PatientsConfig(AppConfig):
    name = "patients"
    verbose_name = "Patients and accounts"

    def ready(self) -> None:
        from allauth.mfa import signals as mfa_signals
        from django.contrib.auth.signals import user_logged_in

        from patients.language import language_kept_at_sign_in
        from patients.sessions import second_factor_changed, session_started

        for signal in (
            mfa_signals.authenticator_added,
            mfa_signals.authenticator_removed,
            mfa_signals.authenticator_reset,
        ):
            signal.connect(second_factor_changed, dispatch_uid=f"end-sessions-{id(signal)}")
        user_logged_in.connect(session_started, dispatch_uid="session-started")
        user_logged_in.connect(language_kept_at_sign_in, dispatch_uid="language-kept")
