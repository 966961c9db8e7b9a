from django.apps import AppConfig


class ApiTokensConfig(AppConfig):
    name = "screening.apitokens"
    label = "apitokens"
    verbose_name = "API tokens"
