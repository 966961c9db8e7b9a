"""The program dashboard for clinicians and admins: volumes, the queue, rules, disagreements."""
