; 政务公开年报 — Windows installer (NSIS 3, Unicode, Simplified Chinese UI).
;
; Per-user install without administrator rights, to %LOCALAPPDATA%\Programs\nianbao, with Start-menu
; and desktop shortcuts, the .nianbao file association (HKCU\Software\Classes) and an uninstaller
; registered in HKCU. The payload is the PyInstaller folder (dist\nianbao):
;
;   makensis /DPAYLOAD=C:\src\nianbao\installers\build\dist\nianbao /DVERSION=0.1.0 installers\windows\nianbao.nsi
;   (on Linux: makensis -DPAYLOAD=... -DVERSION=... installers/windows/nianbao.nsi)
;
; Optional defines: OUTFILE (default nianbao-<VERSION>-setup.exe next to this script).

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma
SetCompressorDictSize 32

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "WinVer.nsh"
!include "x64.nsh"

!ifndef PAYLOAD
  !error "Pass the PyInstaller output folder: makensis /DPAYLOAD=<path to dist\nianbao> nianbao.nsi"
!endif
!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef OUTFILE
  !define OUTFILE "nianbao-${VERSION}-setup.exe"
!endif

!define APPNAME "政务公开年报"
!define PUBLISHER "nianbao"
!define GUIEXE "nianbao-gui.exe"
!define PROGID "nianbao.report"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\nianbao"
!define SETTINGS_KEY "Software\nianbao\nianbao"   ; QSettings of the app (recent files, first start)
!define ICONS "${__FILEDIR__}\..\..\resources\icons"

Name "${APPNAME}"
Caption "${APPNAME} ${VERSION} 安装"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\nianbao"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
BrandingText "${APPNAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APPNAME} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "MIT License"

!define MUI_ICON "${ICONS}\nianbao.ico"
!define MUI_UNICON "${ICONS}\nianbao.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${GUIEXE}"
!define MUI_FINISHPAGE_RUN_TEXT "现在打开${APPNAME}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

Function .onInit
  SetShellVarContext current
  ${IfNot} ${AtLeastWin10}
    MessageBox MB_ICONSTOP "${APPNAME}需要 Windows 10 或更高版本（64 位）。Windows 7 无法运行。"
    Abort
  ${EndIf}
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "${APPNAME}需要 64 位 Windows。"
    Abort
  ${EndIf}
  SetRegView 64
FunctionEnd

Function un.onInit
  SetShellVarContext current
  SetRegView 64
FunctionEnd

Section "${APPNAME}" SecMain
  SectionIn RO
  ; An upgrade replaces the program folder's contents; user files live elsewhere.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${PAYLOAD}\*"
  File "/oname=nianbao-doc.ico" "${ICONS}\nianbao-doc.ico"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\${GUIEXE}" "" "$INSTDIR\${GUIEXE}" 0
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\${GUIEXE}" "" "$INSTDIR\${GUIEXE}" 0

  ; .nianbao files open in the app, with the report-file icon.
  WriteRegStr HKCU "Software\Classes\.nianbao" "" "${PROGID}"
  WriteRegStr HKCU "Software\Classes\.nianbao" "Content Type" "application/x-nianbao"
  WriteRegStr HKCU "Software\Classes\.nianbao\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "政务公开年报文件"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\nianbao-doc.ico"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${GUIEXE}" "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  ; Apps & features (per user).
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${GUIEXE}"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" $0
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  Delete "$DESKTOP\${APPNAME}.lnk"

  ; Only what the installer put there: never RMDir /r the install folder itself, in case the user
  ; chose a folder that also holds their own files.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\nianbao.exe"
  Delete "$INSTDIR\${GUIEXE}"
  Delete "$INSTDIR\nianbao-doc.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  ReadRegStr $0 HKCU "Software\Classes\.nianbao" ""
  ${If} $0 == "${PROGID}"
    DeleteRegValue HKCU "Software\Classes\.nianbao" ""
    DeleteRegValue HKCU "Software\Classes\.nianbao" "Content Type"
  ${EndIf}
  DeleteRegValue HKCU "Software\Classes\.nianbao\OpenWithProgids" "${PROGID}"
  DeleteRegKey /ifempty HKCU "Software\Classes\.nianbao\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "Software\Classes\.nianbao"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  DeleteRegKey HKCU "Software\Microsoft\Windows\CurrentVersion\ApplicationAssociationToasts\${PROGID}_.nianbao"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  ; The app's settings (recent files list) and its cache of built templates (core/cache_folder.py);
  ; reports and autosaved copies are the user's and stay.
  DeleteRegKey HKCU "${SETTINGS_KEY}"
  RMDir /r "$LOCALAPPDATA\nianbao\cache"
  RMDir "$LOCALAPPDATA\nianbao"
  DeleteRegKey /ifempty HKCU "Software\nianbao"
  DeleteRegKey HKCU "${UNINST_KEY}"
SectionEnd
