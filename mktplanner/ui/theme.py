"""The look: light and dark palettes (following the system), one style sheet, recoloured icons,
and the bundled font (offscreen and minimal systems have no fonts of their own)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QIcon,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import QApplication

ROW_HEIGHT = 30
FONT_FAMILY = "DejaVu Sans"

LIGHT = {
    "window": "#F5F6F8",
    "base": "#FFFFFF",
    "alt": "#F8F9FB",
    "text": "#1F2430",
    "muted": "#6B7280",
    "border": "#E3E6EB",
    "accent": "#2F6FDE",
    "accent_text": "#FFFFFF",
    "sidebar": "#EDEFF3",
    "sidebar_sel": "#DCE6FA",
    "card": "#FFFFFF",
    "banner": "#FFF4D6",
    "banner_text": "#6B4E00",
    "header": "#F1F3F6",
    "icon": "#3B4351",
}
DARK = {
    "window": "#1E2128",
    "base": "#262A32",
    "alt": "#2B2F38",
    "text": "#E6E8EC",
    "muted": "#9AA3B2",
    "border": "#3A3F4A",
    "accent": "#5B8DEF",
    "accent_text": "#FFFFFF",
    "sidebar": "#191C22",
    "sidebar_sel": "#2D3A55",
    "card": "#262A32",
    "banner": "#4A3B12",
    "banner_text": "#FFE3A3",
    "header": "#2B2F38",
    "icon": "#D5D9E0",
}

_state = {"dark": False}


def is_dark() -> bool:
    return _state["dark"]


def colors() -> dict[str, str]:
    return DARK if _state["dark"] else LIGHT


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    try:
        return hints.colorScheme() == Qt.ColorScheme.Dark
    except AttributeError:  # Qt < 6.5
        return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def register_fonts() -> str:
    """Register DejaVu Sans (regular and bold) and make it the application font."""
    from mktplanner import paths

    family = ""
    for bold in (False, True):
        path = paths.font_path(bold=bold)
        if path is None:
            continue
        fid = QFontDatabase.addApplicationFont(str(path))
        if fid >= 0 and not family:
            families = QFontDatabase.applicationFontFamilies(fid)
            family = families[0] if families else ""
    if family:
        font = QFont(family)
        font.setPointSizeF(9.5)
        QApplication.setFont(font)
    return family


def apply(app: QApplication, dark: bool | None = None) -> None:
    """Fusion style, the palette of the system's scheme (or ``dark``), and the style sheet."""
    _state["dark"] = system_prefers_dark() if dark is None else dark
    c = colors()
    app.setStyle("Fusion")
    pal = QPalette()
    role = QPalette.ColorRole
    pal.setColor(role.Window, QColor(c["window"]))
    pal.setColor(role.WindowText, QColor(c["text"]))
    pal.setColor(role.Base, QColor(c["base"]))
    pal.setColor(role.AlternateBase, QColor(c["alt"]))
    pal.setColor(role.Text, QColor(c["text"]))
    pal.setColor(role.Button, QColor(c["base"]))
    pal.setColor(role.ButtonText, QColor(c["text"]))
    pal.setColor(role.Highlight, QColor(c["accent"]))
    pal.setColor(role.HighlightedText, QColor(c["accent_text"]))
    pal.setColor(role.ToolTipBase, QColor(c["base"]))
    pal.setColor(role.ToolTipText, QColor(c["text"]))
    pal.setColor(role.PlaceholderText, QColor(c["muted"]))
    pal.setColor(role.Link, QColor(c["accent"]))
    pal.setColor(role.Mid, QColor(c["border"]))
    pal.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor(c["muted"]))
    pal.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor(c["muted"]))
    pal.setColor(QPalette.ColorGroup.Disabled, role.WindowText, QColor(c["muted"]))
    app.setPalette(pal)
    app.setStyleSheet(style_sheet())
    icon.cache_clear()


def style_sheet() -> str:
    c = colors()
    return f"""
QMainWindow, QStackedWidget#Pages {{ background: {c["window"]}; }}
QListWidget#Sidebar {{
    background: {c["sidebar"]}; border: none; border-right: 1px solid {c["border"]};
    padding: 10px 8px; outline: 0; font-size: 10pt;
}}
QListWidget#Sidebar::item {{
    padding: 8px 10px; margin: 1px 0; border-radius: 6px; color: {c["text"]};
}}
QListWidget#Sidebar::item:selected {{ background: {c["sidebar_sel"]}; color: {c["text"]}; font-weight: 600; }}
QListWidget#Sidebar::item:hover:!selected {{ background: {c["border"]}; }}
QLabel#PlanName {{ font-size: 11pt; font-weight: 600; padding: 14px 16px 2px 16px; color: {c["text"]}; }}
QLabel#PlanFile {{ color: {c["muted"]}; padding: 0 16px 10px 16px; font-size: 8.5pt; }}
QLabel#PageTitle {{ font-size: 16pt; font-weight: 600; color: {c["text"]}; }}
QLabel#PageSubtitle {{ color: {c["muted"]}; font-size: 9.5pt; }}
QLabel#SectionTitle {{ font-size: 11pt; font-weight: 600; color: {c["text"]}; }}
QLabel#SectionHint, QLabel#Muted {{ color: {c["muted"]}; }}
QLabel#EmptyState {{ color: {c["muted"]}; font-size: 10pt; background: transparent; }}
QFrame#Card {{ background: {c["card"]}; border: 1px solid {c["border"]}; border-radius: 10px; }}
QLabel#CardTitle {{ color: {c["muted"]}; font-size: 9pt; }}
QLabel#CardValue {{ font-size: 17pt; font-weight: 600; color: {c["text"]}; }}
QLabel#CardNote {{ color: {c["muted"]}; font-size: 8.5pt; }}
QFrame#Banner {{ background: {c["banner"]}; border-radius: 8px; }}
QLabel#BannerText {{ color: {c["banner_text"]}; }}
QTableView#DataTable {{
    background: {c["base"]}; alternate-background-color: {c["alt"]};
    border: 1px solid {c["border"]}; border-radius: 8px;
    selection-background-color: {c["sidebar_sel"]}; selection-color: {c["text"]};
    gridline-color: {c["border"]};
}}
QTableView#DataTable::item {{ padding: 0 8px; border: none; }}
QHeaderView::section {{
    background: {c["header"]}; color: {c["muted"]}; border: none;
    border-bottom: 1px solid {c["border"]}; padding: 6px 8px; font-weight: 600; font-size: 9pt;
}}
QHeaderView {{ background: transparent; border: none; }}
QTableCornerButton::section {{ background: {c["header"]}; border: none; }}
QPushButton {{
    border: 1px solid {c["border"]}; border-radius: 6px; padding: 5px 12px;
    background: {c["base"]}; color: {c["text"]};
}}
QPushButton:hover {{ border-color: {c["accent"]}; }}
QPushButton:disabled {{ color: {c["muted"]}; }}
QPushButton#Primary, QPushButton#AddButton {{
    background: {c["accent"]}; color: {c["accent_text"]}; border-color: {c["accent"]};
}}
QPushButton#Primary:disabled {{ background: {c["border"]}; border-color: {c["border"]}; color: {c["muted"]}; }}
QPushButton#WelcomeAction {{
    text-align: left; padding: 12px 16px; font-size: 10.5pt; border-radius: 8px;
}}
QLineEdit, QPlainTextEdit, QComboBox, QDateEdit, QSpinBox, QDoubleSpinBox {{
    border: 1px solid {c["border"]}; border-radius: 6px; padding: 4px 6px;
    background: {c["base"]}; color: {c["text"]};
    selection-background-color: {c["accent"]};
}}
QComboBox::drop-down, QDateEdit::drop-down {{
    subcontrol-origin: padding; subcontrol-position: center right; width: 22px; border: none;
}}
QComboBox::down-arrow, QDateEdit::down-arrow {{
    image: url("{_arrow(c["muted"])}"); width: 10px; height: 10px;
}}
QTableView QLineEdit, QTableView QComboBox, QTableView QDateEdit {{
    border: 1px solid {c["accent"]}; border-radius: 0; padding: 0 6px;
}}
QLineEdit:focus, QPlainTextEdit:focus {{ border-color: {c["accent"]}; }}
QLineEdit:read-only, QPlainTextEdit:read-only {{ background: {c["alt"]}; }}
QTabWidget::pane {{ border: none; }}
QTabBar {{ qproperty-drawBase: 0; }}
QTabBar::tab {{
    padding: 7px 14px; margin-right: 4px; border: none; color: {c["muted"]};
    border-bottom: 2px solid transparent;
}}
QTabBar::tab:selected {{ color: {c["text"]}; border-bottom: 2px solid {c["accent"]}; font-weight: 600; }}
QStatusBar {{ background: {c["sidebar"]}; color: {c["muted"]}; border-top: 1px solid {c["border"]}; }}
QStatusBar QLabel {{ color: {c["muted"]}; padding: 0 8px; }}
QScrollArea {{ border: none; background: transparent; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
QListWidget#Recent {{
    background: {c["base"]}; border: 1px solid {c["border"]}; border-radius: 8px; padding: 4px;
}}
QListWidget#Recent::item {{ padding: 8px; border-radius: 6px; }}
QListWidget#Recent::item:selected {{ background: {c["sidebar_sel"]}; color: {c["text"]}; }}
QFrame#WelcomePanel {{ background: {c["card"]}; border: 1px solid {c["border"]}; border-radius: 12px; }}
QLabel#WelcomeTitle {{ font-size: 22pt; font-weight: 600; color: {c["text"]}; }}
QProgressBar {{
    border: none; background: {c["border"]}; border-radius: 4px; height: 8px; text-align: center;
}}
QProgressBar::chunk {{ background: {c["accent"]}; border-radius: 4px; }}
"""


def _arrow(color: str) -> str:
    """A small chevron for combo boxes, written once into the app's cache folder (Qt style
    sheets take image files, not inline data)."""
    from mktplanner import paths

    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10">'
        f'<path d="M1.5 3.5 5 7l3.5-3.5" fill="none" stroke="{color}" stroke-width="1.6" '
        'stroke-linecap="round" stroke-linejoin="round"/></svg>'
    )
    try:
        folder = paths.data_dir() / "cache"
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"chevron-{color.lstrip('#')}.svg"
        if not target.is_file() or target.read_text(encoding="utf-8") != svg:
            target.write_text(svg, encoding="utf-8")
    except OSError:
        return ""
    return target.as_posix()


@lru_cache(maxsize=128)
def icon(name: str, color: str = "", size: int = 24) -> QIcon:
    """An SVG icon of resources/icons, drawn in ``color`` (default: the text colour)."""
    from mktplanner import paths

    path = paths.icons_dir() / f"{name}.svg"
    if not path.is_file():
        return QIcon()
    try:
        svg = path.read_text(encoding="utf-8")
    except OSError:
        return QIcon()
    tint = color or colors()["icon"]
    svg = svg.replace("#3b4351", tint).replace("#3B4351", tint)
    svg = svg.replace('color="', 'data-c="', 1) if 'color="' in svg else svg
    svg = svg.replace("currentColor", tint)
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    result = QIcon()
    for scale in (1, 2):
        pixmap = QPixmap(QSize(size * scale, size * scale))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size * scale, size * scale))
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        result.addPixmap(pixmap)
    return result


# Text colours of a tone (light, dark); ui.models.table and the widgets use the same.
TONE_COLORS = {
    "bad": ("#C62828", "#FF8A80"),
    "warn": ("#B26A00", "#FFCC80"),
    "good": ("#2E7D32", "#A5D6A7"),
    "muted": ("#6B7280", "#9CA3AF"),
}


def tone_color(tone: str) -> str:
    pair = TONE_COLORS.get(tone)
    if pair is None:
        return colors()["text"]
    return pair[1 if is_dark() else 0]
