; Inno Setup script: the Windows installer of KT1 Desk (see README, "Installing in an office").
;
; Build on Windows, after `uv run pyinstaller build_installer.spec` made dist\kt1desk\:
;     iscc installer\kt1desk.iss          (Inno Setup 6)     → installer\Output\KT1Desk-setup.exe
;
; What it does:
; - installs the one-folder program into Program Files\KT1 Desk (kt1desk.exe: the window, no console;
;   kt1desk-cli.exe: the command line), with a Start-menu entry and a desktop shortcut;
; - makes the local group "KT1Desk Users" (the program's users) and adds the installing user to it;
; - makes %PROGRAMDATA%\KT1Desk, the machine's data folder: one database per counter machine,
;   whoever is logged in. Its permissions are replaced (inheritance removed): full control for
;   SYSTEM and Administrators, modify for "KT1Desk Users", nothing for anyone else;
; - an upgrade is the same installer run again: it closes a running KT1 Desk first, replaces the
;   program, never touches the data folder, and the program brings the database to its schema at the
;   next start (after copying it aside, see README); uninstalling leaves the data folder in place.
; - after installing, `kt1desk-cli selftest` checks fonts, translations, forms and printing.

#define AppVersion "0.1.0"

[Setup]
AppId={{CA68C7CF-C75E-45B5-9127-BF559F2FA2A4}
AppName=KT1 Desk
AppVersion={#AppVersion}
AppPublisher=KT1 Desk
DefaultDirName={autopf}\KT1 Desk
DefaultGroupName=KT1 Desk
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=force
RestartApplications=no
OutputBaseFilename=KT1Desk-setup
Compression=lzma2
SolidCompression=yes
UninstallDisplayIcon={app}\kt1desk.exe

[Languages]
Name: "vi"; MessagesFile: "compiler:Languages\Vietnamese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\dist\kt1desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Dirs]
; Never removed by the uninstaller: it holds the office's records.
Name: "{commonappdata}\KT1Desk"; Flags: uninsneveruninstall

[Icons]
Name: "{group}\KT1 Desk"; Filename: "{app}\kt1desk.exe"
Name: "{autodesktop}\KT1 Desk"; Filename: "{app}\kt1desk.exe"

[Run]
; The program's users: a local group; the admin adds each clerk's Windows account to it
; (net localgroup "KT1Desk Users" TEN_NGUOI_DUNG /add).
Filename: "{sys}\net.exe"; Parameters: "localgroup ""KT1Desk Users"" /add /comment:""KT1 Desk"""; Flags: runhidden; StatusMsg: "KT1Desk Users"
Filename: "{sys}\net.exe"; Parameters: "localgroup ""KT1Desk Users"" ""{username}"" /add"; Flags: runhidden
; Only SYSTEM, Administrators and the program's users: inheritance from ProgramData (Users: read) removed.
Filename: "{sys}\icacls.exe"; Parameters: """{commonappdata}\KT1Desk"" /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F ""KT1Desk Users"":(OI)(CI)M"; Flags: runhidden
Filename: "{app}\kt1desk-cli.exe"; Parameters: "selftest"; Flags: runhidden; StatusMsg: "selftest"
Filename: "{app}\kt1desk.exe"; Description: "KT1 Desk"; Flags: nowait postinstall skipifsilent
