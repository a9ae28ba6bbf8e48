"""theodoi: follow-up of tasks in Vietnamese Party and State documents."""
