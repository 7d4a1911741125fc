// Owns the application menu, in Chinese: quit, editing shortcuts, zoom, reload and DevTools in development only, 关于.
import { app, dialog, Menu, type MenuItemConstructorOptions } from 'electron';

export function installMenu(): void {
  const development: MenuItemConstructorOptions[] = app.isPackaged
    ? []
    : [{ role: 'reload', label: '重新加载' }, { role: 'toggleDevTools', label: '开发者工具' }, { type: 'separator' }];
  const template: MenuItemConstructorOptions[] = [
    { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
    // Without these roles the copy/paste shortcuts do nothing in text fields on macOS.
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        ...development,
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { role: 'resetZoom', label: '实际大小' },
      ],
    },
    { label: '帮助', submenu: [{ label: '关于评审工作台', click: showAbout }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function showAbout(): void {
  void dialog.showMessageBox({
    type: 'info',
    title: '关于评审工作台',
    message: `评审工作台 ${app.getVersion()}`,
    detail: '政务信息化项目专家评审工具（离线使用，评审数据只保存在本机）。',
  });
}
