export { TasksList } from './TasksList';
