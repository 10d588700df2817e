<#
.SYNOPSIS
    Build the Windows installer of 政务公开年报 in one go: venv, PyInstaller bundle, smoke test, NSIS.

.DESCRIPTION
    Needs 64-bit Python 3.11 (python.org installer, "py" launcher) and NSIS 3 (makensis).
    Output: installers\build\out\nianbao-<version>-setup.exe

    powershell -ExecutionPolicy Bypass -File installers\windows\build.ps1
    powershell -ExecutionPolicy Bypass -File installers\windows\build.ps1 -Python C:\Python311\python.exe -Clean

.PARAMETER Python
    Interpreter used to create the build venv (default: "py -3.11", else "python").
.PARAMETER Makensis
    Path to makensis.exe (default: on PATH, else Program Files\NSIS).
.PARAMETER Clean
    Delete the build venv first (fresh dependency install).
#>
[CmdletBinding()]
param(
    [string]$Python = "",
    [string]$Makensis = "",
    [switch]$Clean
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

function Invoke-Native {
    param([string]$Exe, [string[]]$Arguments)
    Write-Host "> $Exe $($Arguments -join ' ')"
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe failed with exit code $LASTEXITCODE" }
}

function Step([string]$Text) { Write-Host ""; Write-Host "== $Text" -ForegroundColor Cyan }

$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
$Build = Join-Path $Root "installers\build"
$Venv = Join-Path $Build "venv-win"
$VenvPython = Join-Path $Venv "Scripts\python.exe"
$Dist = Join-Path $Build "dist"
$Out = Join-Path $Build "out"
Set-Location $Root

Step "Python and NSIS"
$PythonArgs = @()
if (-not $Python) {
    if (Get-Command py -ErrorAction SilentlyContinue) { $Python = "py"; $PythonArgs = @("-3.11") }
    else { $Python = "python" }
}
if (-not $Makensis) {
    $found = Get-Command makensis -ErrorAction SilentlyContinue
    if ($found) { $Makensis = $found.Source }
    else {
        $Makensis = @("${env:ProgramFiles(x86)}\NSIS\makensis.exe", "$env:ProgramFiles\NSIS\makensis.exe") |
            Where-Object { Test-Path $_ } | Select-Object -First 1
    }
}
if (-not $Makensis) { throw "makensis.exe not found: install NSIS 3 (https://nsis.sourceforge.io) or pass -Makensis" }
Invoke-Native $Python ($PythonArgs + @("-c", "import sys, struct; assert sys.version_info >= (3, 10) and struct.calcsize('P') == 8, 'need 64-bit Python 3.10+'; print(sys.version)"))

Step "build venv ($Venv)"
if ($Clean -and (Test-Path $Venv)) { Remove-Item -Recurse -Force $Venv }
if (-not (Test-Path $VenvPython)) { Invoke-Native $Python ($PythonArgs + @("-m", "venv", $Venv)) }
$Deps = & $VenvPython -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))"
if ($LASTEXITCODE -ne 0) { throw "cannot read pyproject.toml" }
Invoke-Native $VenvPython (@("-m", "pip", "install", "--disable-pip-version-check", "--upgrade", "pip"))
Invoke-Native $VenvPython (@("-m", "pip", "install", "--disable-pip-version-check") + @($Deps) + @("pyinstaller>=6.10"))
$Version = (& $VenvPython -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])").Trim()

Step "PyInstaller bundle (one folder)"
$watch = [Diagnostics.Stopwatch]::StartNew()
Invoke-Native $VenvPython @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", $Dist, "--workpath", (Join-Path $Build "work-win"), (Join-Path $Root "installers\nianbao.spec"))
Write-Host "PyInstaller took $([int]$watch.Elapsed.TotalSeconds) s"
$Bundle = Join-Path $Dist "nianbao"

Step "smoke test of the frozen app"
$Sample = Join-Path $Bundle "_internal\resources\samples\sample_township_2025.nianbao"
$Scratch = Join-Path ([IO.Path]::GetTempPath()) ("nianbao-smoke-" + [Guid]::NewGuid())
New-Item -ItemType Directory $Scratch | Out-Null
$Exe = Join-Path $Bundle "nianbao.exe"
Invoke-Native $Exe @("--version")
Invoke-Native $Exe @("check", $Sample)
Invoke-Native $Exe @("export", $Sample, "--docx", (Join-Path $Scratch "sample.docx"), "--xlsx", (Join-Path $Scratch "sample.xlsx"))
if (-not (Test-Path (Join-Path $Bundle "nianbao-gui.exe"))) { throw "nianbao-gui.exe is missing from the bundle" }
Remove-Item -Recurse -Force $Scratch

Step "NSIS installer"
New-Item -ItemType Directory -Force $Out | Out-Null
$Setup = Join-Path $Out "nianbao-$Version-setup.exe"
Invoke-Native $Makensis @("/V3", "/DPAYLOAD=$Bundle", "/DVERSION=$Version", "/DOUTFILE=$Setup",
    (Join-Path $Root "installers\windows\nianbao.nsi"))

Step "sizes"
$bundleBytes = (Get-ChildItem -Recurse -File $Bundle | Measure-Object -Sum Length).Sum
Write-Host ("bundle:    {0:N1} MB  ({1})" -f ($bundleBytes / 1MB), $Bundle)
Write-Host ("installer: {0:N1} MB  ({1})" -f ((Get-Item $Setup).Length / 1MB), $Setup)
Write-Host "Sign the installer (signtool) before publishing, if you have a code-signing certificate."
