"""A signature pad: strokes drawn with a pen tablet, a signature pad or the mouse, kept as a PNG picture.

A signature pad attached to the PC (a pen tablet in the operating system's
eyes) draws here as a mouse or tablet would. The picture is optional: the
signature that always counts is the signer's name, typed by the signer.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .pagekit import MUTED_STYLE

SCALE = 2  # the picture is kept at twice the pad's size on screen


class SignaturePad(QWidget):
    """``changed`` after every stroke and on ``clear``."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self.setMinimumSize(240, 84)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.strokes: list[QPainterPath] = []
        self._drawing: QPainterPath | None = None

    # -- drawing ------------------------------------------------------------
    def _start(self, point: QPointF) -> None:
        self._drawing = QPainterPath(point)
        self._drawing.lineTo(point + QPointF(0.01, 0.01))  # a dot is a stroke too
        self.strokes.append(self._drawing)
        self.update()

    def _extend(self, point: QPointF) -> None:
        if self._drawing is not None:
            self._drawing.lineTo(point)
            self.update()

    def _finish(self) -> None:
        if self._drawing is not None:
            self._drawing = None
            self.changed.emit()

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.button() == Qt.MouseButton.LeftButton:
            self._start(event.position())

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        self._extend(event.position())

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        self._finish()

    def tabletEvent(self, event) -> None:  # noqa: N802
        kind = event.type()
        if kind == event.Type.TabletPress:
            self._start(event.position())
        elif kind == event.Type.TabletMove:
            self._extend(event.position())
        elif kind == event.Type.TabletRelease:
            self._finish()
        event.accept()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#9aa0a6"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(12, self.height() - 18, self.width() - 12, self.height() - 18)
        painter.setPen(QPen(QColor("#c0c4c9"), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        self._draw(painter)
        painter.end()

    def _draw(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("black"), 2.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        for stroke in self.strokes:
            painter.drawPath(stroke)

    # -- the picture ----------------------------------------------------------
    def is_empty(self) -> bool:
        return not self.strokes

    def clear(self) -> None:
        self.strokes.clear()
        self._drawing = None
        self.update()
        self.changed.emit()

    def png(self) -> bytes | None:
        """The signature as a PNG on white, or None when nothing was drawn."""
        if self.is_empty():
            return None
        image = QImage(self.width() * SCALE, self.height() * SCALE, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.scale(SCALE, SCALE)
        self._draw(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())


class SignatureBox(QWidget):
    """The pad with its caption and a button to start again."""

    def __init__(self, caption: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        top = QHBoxLayout()
        self.caption = QLabel(caption)
        self.caption.setStyleSheet(MUTED_STYLE)
        top.addWidget(self.caption, 1)
        self.clear_button = QPushButton(self.tr("Ký lại"))
        self.clear_button.setAutoDefault(False)
        top.addWidget(self.clear_button)
        layout.addLayout(top)
        self.pad = SignaturePad()
        layout.addWidget(self.pad)
        self.clear_button.clicked.connect(self.pad.clear)

    def png(self) -> bytes | None:
        return self.pad.png()
