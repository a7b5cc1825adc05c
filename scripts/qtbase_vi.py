"""Write resources/translations/qtbase_vi.ts: Vietnamese for Qt's own buttons and dialogs.

Qt ships no Vietnamese catalogue (qtbase_vi.qm), so Yes/No, OK/Cancel, the file dialog,
the print dialog and the context menu of a text field would show in English in the
Vietnamese window. These are our translations of the Qt contexts a counter clerk meets;
strings not listed stay in Qt's English. The source texts are Qt 6's own (as in its
catalogues); an entry whose source text Qt changes simply stops matching.

    uv run python scripts/qtbase_vi.py     # then scripts/update_translations.sh compiles the .qm
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

OUT = Path(__file__).resolve().parent.parent / "resources" / "translations" / "qtbase_vi.ts"

CONTEXTS: dict[str, dict[str, str]] = {
    "QPlatformTheme": {
        "OK": "Đồng ý", "Save": "Lưu", "Save All": "Lưu tất cả", "Open": "Mở", "&Yes": "&Có",
        "Yes to &All": "Có với &tất cả", "&No": "&Không", "N&o to All": "Khôn&g với tất cả", "Abort": "Hủy bỏ",
        "Retry": "Thử lại", "Ignore": "Bỏ qua", "Close": "Đóng", "Cancel": "Hủy", "Discard": "Bỏ đi",
        "Help": "Trợ giúp", "Apply": "Áp dụng", "Reset": "Đặt lại", "Restore Defaults": "Khôi phục mặc định",
    },
    "QGnomeTheme": {
        "&OK": "Đồng ý", "&Save": "&Lưu", "&Cancel": "&Hủy", "&Close": "Đón&g",
        "Close without Saving": "Đóng, không lưu",
    },
    "QDialogButtonBox": {"OK": "Đồng ý"},
    "QMessageBox": {
        "Show Details...": "Xem chi tiết...", "Hide Details...": "Ẩn chi tiết...", "About Qt": "Về Qt",
        "<h3>About Qt</h3><p>This program uses Qt version %1.</p>":
            "<h3>Về Qt</h3><p>Chương trình này dùng Qt phiên bản %1.</p>",
    },
    "QProgressDialog": {"Cancel": "Hủy"},
    "QDialog": {"What's This?": "Đây là gì?"},
    "QInputDialog": {"Enter a value:": "Nhập giá trị:"},
    "QErrorMessage": {
        "&OK": "Đồng ý", "&Show this message again": "&Hiện lại thông báo này", "An error occurred": "Đã có lỗi",
        "Critical Error:": "Lỗi nghiêm trọng:", "Debug Message:": "Thông báo gỡ lỗi:",
        "Fatal Error:": "Lỗi không thể tiếp tục:", "Information:": "Thông tin:", "Warning:": "Cảnh báo:",
    },
    "QComboBox": {"False": "Sai", "True": "Đúng", "Open the combo box selection popup": "Mở danh sách để chọn"},
    "QLineEdit": {
        "&Undo": "&Hoàn tác", "&Redo": "&Làm lại", "Cu&t": "&Cắt", "&Copy": "&Sao chép", "&Paste": "&Dán",
        "Delete": "Xóa", "Select All": "Chọn tất cả",
    },
    "QWidgetTextControl": {
        "&Undo": "&Hoàn tác", "&Redo": "&Làm lại", "Cu&t": "&Cắt", "&Copy": "&Sao chép", "&Paste": "&Dán",
        "Delete": "Xóa", "Select All": "Chọn tất cả", "Copy &Link Location": "Sao chép địa chỉ &liên kết",
    },
    "QAbstractSpinBox": {"&Select All": "&Chọn tất cả", "&Step up": "&Tăng", "Step &down": "&Giảm"},
    "QUnicodeControlCharacterMenu": {"Insert Unicode control character": "Chèn ký tự điều khiển Unicode"},
    "QKeySequenceEdit": {"Press shortcut": "Nhấn phím tắt"},
    "QScrollBar": {
        "Scroll here": "Cuộn tới đây", "Left edge": "Mép trái", "Top": "Đầu", "Right edge": "Mép phải",
        "Bottom": "Cuối", "Page left": "Sang trái một trang", "Page up": "Lên một trang",
        "Page right": "Sang phải một trang", "Page down": "Xuống một trang", "Scroll left": "Cuộn sang trái",
        "Scroll up": "Cuộn lên", "Scroll right": "Cuộn sang phải", "Scroll down": "Cuộn xuống",
    },
    "QTabBar": {"Scroll Left": "Cuộn sang trái", "Scroll Right": "Cuộn sang phải"},
    "CloseButton": {"Close Tab": "Đóng thẻ"},
    "QFileDialog": {
        "%1\nDirectory not found.\nPlease verify the correct directory name was given.":
            "%1\nKhông có thư mục này.\nHãy kiểm tra lại tên thư mục.",
        "%1\nFile not found.\nPlease verify the correct file name was given.":
            "%1\nKhông có tệp này.\nHãy kiểm tra lại tên tệp.",
        "%1 already exists.\nDo you want to replace it?": "%1 đã có.\nGhi đè lên tệp đó?",
        "&Choose": "&Chọn", "&Delete": "&Xóa", "&Look in:": "&Tìm trong:", "&New Folder": "Thư mục &mới",
        "&Open": "&Mở", "&Rename": "Đổi &tên", "&Save": "&Lưu",
        "'%1' is write protected.\nDo you want to delete it anyway?": "«%1» đang được chống ghi.\nVẫn xóa?",
        "All Files (*)": "Mọi tệp (*)", "All files (*)": "Mọi tệp (*)",
        "Are you sure you want to delete '%1'?": "Xóa «%1»?", "Back": "Lùi",
        "Change to detail view mode": "Xem chi tiết", "Change to list view mode": "Xem dạng danh sách",
        "Could not delete directory.": "Không xóa được thư mục.", "Create New Folder": "Tạo thư mục mới",
        "Create a New Folder": "Tạo thư mục mới", "Delete": "Xóa", "Detail View": "Chi tiết",
        "Directories": "Thư mục", "Directory:": "Thư mục:", "File &name:": "&Tên tệp:", "Files": "Tệp",
        "Files of &type:": "&Kiểu tệp:", "Find Directory": "Chọn thư mục", "Forward": "Tiến",
        "Go back": "Lùi lại", "Go forward": "Tiến tới", "Go to the parent directory": "Lên thư mục cha",
        "List View": "Danh sách", "List of places and bookmarks": "Các nơi và dấu trang",
        "New Folder": "Thư mục mới", "Open": "Mở", "Parent Directory": "Thư mục cha",
        "Recent Places": "Nơi mở gần đây", "Remove": "Bỏ", "Save As": "Lưu thành", "Show ": "Hiện ",
        "Show &hidden files": "Hiện tệp ẩ&n", "Sidebar": "Thanh bên",
    },
    "QFileSystemModel": {
        "Name": "Tên", "Size": "Cỡ", "Kind": "Loại", "Type": "Kiểu", "Date Modified": "Ngày sửa",
        "My Computer": "Máy tính", "Computer": "Máy tính",
    },
    "QAbstractFileIconProvider": {
        "Alias": "Bí danh", "Drive": "Ổ đĩa", "File": "Tệp", "File Folder": "Thư mục", "Folder": "Thư mục",
        "Shortcut": "Lối tắt", "Unknown": "Không rõ",
    },
    "QPrintDialog": {
        "%1 already exists.\nDo you want to overwrite it?": "%1 đã có.\nGhi đè lên tệp đó?",
        "%1 does not follow the correct syntax. Please use ',' to separate ranges and pages, '-' to define "
        "ranges and make sure ranges do not intersect with each other.":
            "%1 không đúng cách ghi. Dùng ',' để ngăn các trang và khoảng trang, '-' để ghi một khoảng, "
            "và các khoảng không được chồng lên nhau.",
        "%1 is a directory.\nPlease choose a different file name.": "%1 là một thư mục.\nHãy chọn tên tệp khác.",
        "&Options <<": "&Tùy chọn <<", "&Options >>": "&Tùy chọn >>", "&Print": "&In", "All Pages": "Mọi trang",
        "Bottom to Top, Left to Right": "Dưới lên trên, trái sang phải",
        "Bottom to Top, Right to Left": "Dưới lên trên, phải sang trái",
        "Duplex Settings Conflicts": "Thiết lập in hai mặt mâu thuẫn", "Even Pages": "Trang chẵn",
        "File %1 is not writable.\nPlease choose a different file name.":
            "Không ghi được tệp %1.\nHãy chọn tên tệp khác.",
        "Invalid Pages Definition": "Khoảng trang không hợp lệ",
        "Left to Right, Bottom to Top": "Trái sang phải, dưới lên trên",
        "Left to Right, Top to Bottom": "Trái sang phải, trên xuống dưới", "Local file": "Tệp trên máy này",
        "Odd Pages": "Trang lẻ",
        "Options 'Pages Per Sheet' and 'Page Set' cannot be used together.\nPlease turn one of those options off.":
            "Không dùng cùng lúc «Số trang mỗi tờ» và «Nhóm trang».\nHãy tắt một trong hai.",
        "Print": "In", "Print To File ...": "In ra tệp...", "Print to File (PDF)": "In ra tệp (PDF)",
        "Right to Left, Bottom to Top": "Phải sang trái, dưới lên trên",
        "Right to Left, Top to Bottom": "Phải sang trái, trên xuống dưới",
        "The 'From' value cannot be greater than the 'To' value.": "Trang «từ» không được sau trang «đến».",
        "There are conflicts in duplex settings. Do you want to fix them?":
            "Thiết lập in hai mặt mâu thuẫn nhau. Sửa lại?",
        "Top to Bottom, Left to Right": "Trên xuống dưới, trái sang phải",
        "Top to Bottom, Right to Left": "Trên xuống dưới, phải sang trái", "Write PDF file": "Ghi tệp PDF",
    },
    "QPrintPreviewDialog": {
        "Export to PDF": "Xuất ra PDF", "First page": "Trang đầu", "Fit page": "Vừa trang",
        "Fit width": "Vừa chiều ngang", "Landscape": "Khổ ngang", "Last page": "Trang cuối",
        "Next page": "Trang sau", "Page Setup": "Thiết lập trang", "Page setup": "Thiết lập trang",
        "Portrait": "Khổ dọc", "Previous page": "Trang trước", "Print": "In", "Print Preview": "Xem trước khi in",
        "Show facing pages": "Xem hai trang đối diện", "Show overview of all pages": "Xem mọi trang",
        "Show single page": "Xem từng trang", "Zoom in": "Phóng to", "Zoom out": "Thu nhỏ",
    },
    "QPrintPropertiesDialog": {
        "Advanced Option Conflicts": "Tùy chọn nâng cao mâu thuẫn", "Custom value for %1": "Giá trị riêng cho %1",
        "Job Options": "Tùy chọn lệnh in", "Page Setup Conflicts": "Thiết lập trang mâu thuẫn",
        "Printer Properties": "Thuộc tính máy in",
        "There are conflicts in page setup options. Do you want to fix them?":
            "Thiết lập trang mâu thuẫn nhau. Sửa lại?",
        "There are conflicts in some advanced options. Do you want to fix them?":
            "Một số tùy chọn nâng cao mâu thuẫn nhau. Sửa lại?",
    },
    "QPrintPropertiesWidget": {
        "Advanced": "Nâng cao", "Form": "Biểu mẫu", "Page": "Trang",
        "There are conflicts in some options. Please fix them.": "Một số tùy chọn mâu thuẫn nhau. Hãy sửa lại.",
    },
    "QPrintSettingsOutput": {
        "Collate": "Xếp theo bộ", "Color": "Màu", "Color Mode": "Chế độ màu", "Copies": "Số bản",
        "Copies:": "Số bản:", "Current Page": "Trang đang xem", "Double Sided Printing": "In hai mặt",
        "Form": "Biểu mẫu", "Grayscale": "Thang xám", "Long side binding": "Lật theo cạnh dài", "Off": "Tắt",
        "Options": "Tùy chọn", "Output Settings": "Thiết lập bản in", "Page &Set:": "&Nhóm trang:",
        "Pages": "Trang", "Pages from": "Các trang từ", "Print all": "In tất cả", "Print range": "Phạm vi in",
        "Reverse": "Đảo thứ tự", "Selection": "Phần đã chọn", "Short side binding": "Lật theo cạnh ngắn",
        "Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a hyphen. "
        "E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.":
            "Ghi các trang hoặc khoảng trang, ngăn bằng dấu phẩy; một khoảng là hai số nối bằng dấu gạch. "
            "Ví dụ: 3,5-7,9 in các trang 3, 5, 6, 7 và 9.",
        "to": "đến",
    },
    "QPrintWidget": {
        "&Name:": "&Tên:", "Form": "Biểu mẫu", "Location:": "Vị trí:", "Output &file:": "&Tệp ra:",
        "P&roperties": "&Thuộc tính", "Preview": "Xem trước", "Printer": "Máy in", "Type:": "Kiểu:",
    },
    "QPageSetupWidget": {
        "Custom": "Tùy chỉnh", "Form": "Biểu mẫu", "Height:": "Cao:", "Inches (in)": "Inch (in)",
        "Landscape": "Khổ ngang", "Margins": "Lề", "Millimeters (mm)": "Milimét (mm)", "Orientation": "Hướng giấy",
        "Page &order:": "&Thứ tự trang:", "Page Layout": "Bố cục trang", "Page size:": "Khổ giấy:",
        "Pages &per sheet:": "Số trang mỗi &tờ:", "Paper": "Giấy", "Paper source:": "Khay giấy:",
        "Points (pt)": "Điểm (pt)", "Portrait": "Khổ dọc", "Reverse landscape": "Khổ ngang, ngược",
        "Reverse portrait": "Khổ dọc, ngược", "Width:": "Rộng:", "bottom margin": "lề dưới",
        "left margin": "lề trái", "right margin": "lề phải", "top margin": "lề trên",
    },
    "QPageSize": {
        "Custom": "Tùy chỉnh", "Custom (%1mm x %2mm)": "Tùy chỉnh (%1mm x %2mm)",
        "Custom (%1pt x %2pt)": "Tùy chỉnh (%1pt x %2pt)", "Custom (%1in x %2in)": "Tùy chỉnh (%1in x %2in)",
    },
    "QCupsJobWidget": {
        "&Billing information:": "Thông tin &thanh toán:", "&End:": "&Cuối:", "&Start:": "&Đầu:",
        "Banner Pages": "Trang bìa", "Day (06:00 to 17:59)": "Ban ngày (06:00 đến 17:59)",
        "Hold Indefinitely": "Giữ lại, chưa in", "Job": "Lệnh in", "Job &priority:": "Độ &ưu tiên:",
        "Job Control": "Điều khiển lệnh in", "Night (18:00 to 05:59)": "Ban đêm (18:00 đến 05:59)",
        "None": "Không", "Print Immediately": "In ngay", "Scheduled &printing:": "&Hẹn giờ in:",
        "Second Shift (16:00 to 23:59)": "Ca hai (16:00 đến 23:59)", "Specific Time": "Vào giờ định sẵn",
        "Standard": "Chuẩn", "Third Shift (00:00 to 07:59)": "Ca ba (00:00 đến 07:59)",
        "Weekend (Saturday to Sunday)": "Cuối tuần (thứ Bảy, Chủ nhật)",
    },
    "QCupsPrinterSupport": {
        "Authentication Needed": "Cần xác thực", "Authentication needed to use %1 on %2.":
            "Cần xác thực để dùng %1 trên %2.", "Authentication needed to use %1.": "Cần xác thực để dùng %1.",
        "Password:": "Mật khẩu:", "Username:": "Tên đăng nhập:",
    },
}


def write(path: Path = OUT) -> None:
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             '<TS version="2.1" language="vi_VN" sourcelanguage="en">']
    for context, messages in CONTEXTS.items():
        lines += ["<context>", f"    <name>{context}</name>"]
        for source, translation in messages.items():
            lines += ["    <message>", f"        <source>{escape(source)}</source>",
                      f"        <translation>{escape(translation)}</translation>", "    </message>"]
        lines.append("</context>")
    lines.append("</TS>")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write()
    print(OUT)
