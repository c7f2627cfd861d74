; Inno Setup 6.3+ script: the Windows installer of mktplanner.
;
; Built by `python installer/build.py` on Windows (after PyInstaller), which passes:
;   /DAppVersion=0.1.0  /DSourceDir=...\dist\mktplanner  /DIconFile=...\build\icons\mktplanner.ico
;   /DOutputDir=...\dist
; By hand: ISCC /DAppVersion=0.1.0 /DSourceDir=dist\mktplanner /DIconFile=build\icons\mktplanner.ico
;          /DOutputDir=dist installer\windows\mktplanner.iss
;
; What the owner gets: one setup .exe that installs for the current user without an
; administrator password (or for all users, if they choose so and can), a Start-menu entry,
; an optional desktop icon, *.mktplan files opening with the app (with its icon), an entry in
; "Apps & features" to uninstall. Plans and the data folder (%APPDATA%\mktplanner: backups,
; logs, settings) are never touched by the installer or the uninstaller.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\mktplanner"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\icons\mktplanner.ico"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

#define AppName "mktplanner"
#define AppExe "mktplanner.exe"
; Keep in step with installer/bundle.py (WINDOWS_PROGID, PLAN_EXTENSION).
#define ProgId "mktplanner.plan"
#define PlanExt ".mktplan"

[Setup]
; The AppId identifies the app for upgrades and uninstall: never change it.
AppId={{321EB110-C784-46DE-BC5C-CDE694C6BAC6}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user install by default (no UAC prompt); the wizard offers "install for all users".
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ChangesAssociations=yes
; Close a running mktplanner before replacing its files (Restart Manager).
CloseApplications=yes
RestartApplications=no
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir={#OutputDir}
OutputBaseFilename={#AppName}-{#AppVersion}-windows-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "russian"; MessagesFile: "compiler:Languages\Russian.isl"

[CustomMessages]
english.PlanFile=Marketing plan
russian.PlanFile=Маркетинговый план

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundle's library folder whole, so no file of an older version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; *.mktplan opens with mktplanner (HKA = the current user's classes for a per-user install,
; the machine's for an all-users one): the extension's default ProgId and "Open with" entry,
; the ProgId's name, icon and open command. Uninstall removes exactly these values and keys.
; (The file is saved as UTF-8 with a BOM, which ISCC needs to read the Russian texts.)
Root: HKA; Subkey: "Software\Classes\{#PlanExt}\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#PlanExt}"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#PlanExt}"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-mktplan"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:PlanFile}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: "{#PlanExt}"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
