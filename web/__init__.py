"""The theodoi web app: search, documents with their tasks marked, and follow-up of tasks.

`create_app(settings, test_config)` is the application factory (Flask tutorial style);
each area is a blueprint in its own module; every query goes through theodoi.store.repo.
"""
from __future__ import annotations

from flask import Flask, render_template
from flask_wtf.csrf import CSRFProtect

from theodoi.config import Settings
from theodoi.web import (agency, api, corrections, dashboard, documents, exports, follow, links, search,
                         task_list, tasks, template_helpers, upload, watch)
from theodoi.web.auth import init_auth
from theodoi.web.resources import init_resources
from theodoi.web.security import init_security


def create_app(settings: Settings | None = None, test_config: dict | None = None) -> Flask:
    """Build the Flask app over the store (and search index) that `settings` name."""
    settings = settings or Settings.load()
    app = Flask(__name__)
    init_security(app, settings)
    app.config.from_mapping(
        THEODOI_SETTINGS=settings,
        SEARCH_PAGE_SIZE=10,
        MAX_CONTENT_LENGTH=settings.max_file_mb * 1024 * 1024,
    )
    if test_config:
        app.config.update(test_config)
    csrf = CSRFProtect(app)
    init_resources(app, settings)
    init_auth(app, settings)
    template_helpers.init_app(app)
    app.register_blueprint(search.bp)
    app.register_blueprint(documents.bp)
    app.register_blueprint(tasks.bp)
    app.register_blueprint(agency.bp)
    app.register_blueprint(follow.bp)
    app.register_blueprint(exports.bp)
    app.register_blueprint(dashboard.bp)
    app.register_blueprint(corrections.bp)
    app.register_blueprint(task_list.bp)
    app.register_blueprint(watch.bp)
    app.register_blueprint(upload.bp)
    app.register_blueprint(links.bp)
    csrf.exempt(api.bp)  # token authentication, no cookie: nothing for a forged form to ride on
    app.register_blueprint(api.bp)

    @app.errorhandler(404)
    def not_found(_error):
        return render_template("not_found.html"), 404

    return app
